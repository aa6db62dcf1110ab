import Foundation

/// The tag and attribute names libxml2 hands the tree builder, each made a `String` (with its
/// `TagFacts`) once a page instead of once an element: libxml2 keeps names in its dictionary,
/// so a name comes back at the same address every time, and a page of 5,000 elements has a few
/// dozen distinct names. A slot is looked up by the name's address and trusted only when the
/// bytes there still equal its own copy (`strcmp`), so an address reused for another name (a
/// freed buffer) only costs a miss.
///
/// - Complexity: O(1) a look-up, O(l) to compare a name of l bytes; O(l) to make a missing one.
final class NameCache {
    private struct Slot {
        var address: UnsafeRawPointer?
        var copy: UnsafeMutablePointer<CChar>?
        var name = ""
        var facts: TagFacts = []
    }

    private static let size = 512
    /// Allocated once a page; a buffer, not an array, so no access is checked for exclusivity.
    private let slots = UnsafeMutablePointer<Slot>.allocate(capacity: NameCache.size)

    init() {
        slots.initialize(repeating: Slot(), count: Self.size)
    }

    deinit {
        for index in 0..<Self.size { free(slots[index].copy) }
        slots.deinitialize(count: Self.size)
        slots.deallocate()
    }

    /// The name at `pointer` (a NUL-terminated UTF-8 name from libxml2) and its facts.
    func name(_ pointer: UnsafePointer<UInt8>) -> (name: String, facts: TagFacts) {
        let address = UnsafeRawPointer(pointer)
        // Names sit a few bytes apart in libxml2's dictionary: every bit of the address counts.
        let mixed = UInt64(UInt(bitPattern: address)) &* 0x9E37_79B9_7F4A_7C15
        let slot = slots + Int(truncatingIfNeeded: mixed >> 55)
        let cString = address.assumingMemoryBound(to: CChar.self)
        if slot.pointee.address == address, let copy = slot.pointee.copy, strcmp(copy, cString) == 0 {
            return (slot.pointee.name, slot.pointee.facts)
        }
        let name = String(cString: pointer)
        let facts = TagFacts.of(name)
        free(slot.pointee.copy)
        slot.pointee = Slot(address: address, copy: strdup(cString), name: name, facts: facts)
        return (name, facts)
    }
}
