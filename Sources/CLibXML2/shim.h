#ifndef ROUNDTABLE_CLIBXML2_SHIM_H
#define ROUNDTABLE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its ICU types clash with Foundation's copy in Swift modules.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/SAX2.h>

// zlib (which libxml2 links anyway) unpacks .qdpx entries: ZIPFoundation's Linux inflater never
// stops on a deflate stream that runs past the end of the file, so entries are inflated here.
#include <zlib.h>

// xmlFree is a global function pointer that Swift 6 refuses to read; call it through here.
static inline void roundtable_xmlFree(void *pointer) {
    xmlFree(pointer);
}

// xmlParserVersion is a macro over a per-thread global in threaded builds; read it here.
static inline const char *roundtable_xmlParserVersion(void) {
    return xmlParserVersion;
}

// Every external entity, DTD or XInclude target is refused: imported files never reach the disk or network.
static inline xmlParserInputPtr roundtable_denyExternalEntity(const char *URL, const char *ID, xmlParserCtxtPtr ctxt) {
    (void)URL;
    (void)ID;
    (void)ctxt;
    return NULL;
}

static inline void roundtable_installDenyAllEntityLoader(void) {
    xmlSetExternalEntityLoader(roundtable_denyExternalEntity);
}

// inflateInit2 is a macro; a raw deflate stream (no zlib header), as zip entries hold.
static inline int roundtable_inflateInitRaw(z_streamp stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

#endif
