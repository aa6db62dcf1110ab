#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so its headers pull in the system's <unicode/*.h>, which
 * clash with the ICU that Foundation bundles (two definitions of enum UErrorCode). Writethru
 * hands libxml2 UTF-8 only and never touches the encoding-handler structs whose layout this
 * affects, so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
