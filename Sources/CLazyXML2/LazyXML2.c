// The libxml2 forwarders behind StoryText's HTML and feed readers (see include/CLazyXML2.h).
//
// Each forwarder calls the function of the same name in libxml2.so.2, found with dlsym() on the
// handle dlopen() returned, so it reaches libxml2's own definition even though this executable
// defines (and exports) a function of that name too. libxml2 calls its own functions through
// internal aliases, so nothing it does comes back here. In builds that also link libxml2 (debug
// and test builds), the executable's definitions still come first and forward the same way.

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "CLazyLoading.h"
#include "CLazyXML2.h"

/// Every function forwarded, in one list: X(name).
#define WT_XML2_FUNCTIONS(X) \
    X(htmlCreatePushParserCtxt) X(htmlCtxtUseOptions) X(htmlFreeParserCtxt) X(htmlParseChunk) \
    X(xmlCtxtReadMemory) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlFreeParserCtxt) \
    X(xmlInitParser) X(xmlNewParserCtxt)

/// `real`, `names` and `openLibxml2` (CLazyLoading.h).
WT_LAZY_LIBRARY(WT_XML2_FUNCTIONS, openLibxml2)

static const char *const sonameOfLibxml2 = "libxml2.so.2";
static pthread_once_t loadOnce = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char loadError[512];

static void loadLibxml2(void) {
    loaded = openLibxml2(sonameOfLibxml2, 1, loadError, sizeof loadError);
}

void wt_xml2_failure_line(const char *reason, char *line, unsigned long size) {
    char message[640];
    snprintf(message, sizeof message, "writethru: cannot read HTML or XML: %s", reason);
    wt_lazy_message(line, size, message);
}

/// Loads libxml2 on the first call (the others wait for it); ends the process with 69 when it
/// cannot be loaded, as the dynamic loader would have refused to start the program at all.
static void require(void) {
    pthread_once(&loadOnce, loadLibxml2);
    if (loaded) return;
    char line[700];
    wt_xml2_failure_line(loadError, line, sizeof line);
    fprintf(stderr, "%s\n", line);
    fflush(stderr);
    _exit(69);
}

int wt_xml2_probe(const char *soname, char *why, unsigned long size) {
    return openLibxml2(soname, 0, why, size);
}

// The forwarders, in the order of WT_XML2_FUNCTIONS.

htmlParserCtxtPtr htmlCreatePushParserCtxt(htmlSAXHandlerPtr sax, void *user_data, const char *chunk, int size,
                                           const char *filename, xmlCharEncoding enc) {
    require();
    return real.htmlCreatePushParserCtxt(sax, user_data, chunk, size, filename, enc);
}

int htmlCtxtUseOptions(htmlParserCtxtPtr ctxt, int options) {
    require();
    return real.htmlCtxtUseOptions(ctxt, options);
}

void htmlFreeParserCtxt(htmlParserCtxtPtr ctxt) {
    require();
    real.htmlFreeParserCtxt(ctxt);
}

int htmlParseChunk(htmlParserCtxtPtr ctxt, const char *chunk, int size, int terminate) {
    require();
    return real.htmlParseChunk(ctxt, chunk, size, terminate);
}

xmlDocPtr xmlCtxtReadMemory(xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL,
                            const char *encoding, int options) {
    require();
    return real.xmlCtxtReadMemory(ctxt, buffer, size, URL, encoding, options);
}

xmlNodePtr xmlDocGetRootElement(const xmlDoc *doc) {
    require();
    return real.xmlDocGetRootElement(doc);
}

void xmlFreeDoc(xmlDocPtr cur) {
    require();
    real.xmlFreeDoc(cur);
}

void xmlFreeParserCtxt(xmlParserCtxtPtr ctxt) {
    require();
    real.xmlFreeParserCtxt(ctxt);
}

void xmlInitParser(void) {
    require();
    real.xmlInitParser();
}

xmlParserCtxtPtr xmlNewParserCtxt(void) {
    require();
    return real.xmlNewParserCtxt();
}
