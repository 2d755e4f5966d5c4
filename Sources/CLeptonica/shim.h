#include <leptonica/allheaders.h>
#include <string.h>

/* Pixel macros are not imported into Swift; these helpers copy whole rows instead. */

/// Copies an 8-bpp Pix into a packed width*height gray buffer (one byte a pixel).
static inline void wh_pix8_to_gray(PIX *pix, unsigned char *out) {
    l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    for (l_int32 y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        unsigned char *o = out + (size_t)y * w;
        for (l_int32 x = 0; x < w; x++) o[x] = (unsigned char)GET_DATA_BYTE(line, x);
    }
}

/// Makes a new 8-bpp Pix from a packed width*height gray buffer.
static inline PIX *wh_gray_to_pix8(const unsigned char *in, l_int32 w, l_int32 h) {
    PIX *pix = pixCreate(w, h, 8);
    if (!pix) return NULL;
    l_int32 wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    for (l_int32 y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        const unsigned char *i = in + (size_t)y * w;
        for (l_int32 x = 0; x < w; x++) SET_DATA_BYTE(line, x, i[x]);
    }
    return pix;
}

/// Converts cairo's RGB24 (BGRX in memory on little-endian) surface data to packed gray bytes.
static inline void wh_bgrx_to_gray(const unsigned char *in, l_int32 w, l_int32 h, l_int32 stride, unsigned char *out) {
    for (l_int32 y = 0; y < h; y++) {
        const unsigned char *p = in + (size_t)y * stride;
        unsigned char *o = out + (size_t)y * w;
        for (l_int32 x = 0; x < w; x++) {
            unsigned b = p[4 * x], g = p[4 * x + 1], r = p[4 * x + 2];
            o[x] = (unsigned char)((r * 77 + g * 150 + b * 29) >> 8);
        }
    }
}

/// Leptonica's message severity constants are an anonymous enum; a function keeps the call site typed.
static inline void wh_lept_quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }
