/// The files every new archive's `main` branch starts with (repo-template/ in the source
/// tree, embedded by scripts/embed-template.sh so an installed binary carries them).
public enum ArchiveTemplate {}
