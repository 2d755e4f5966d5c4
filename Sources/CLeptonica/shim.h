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

/* Colour separation: red and blue ink (seals, pen, stamps) apart from the printed black. */

/// How much of a pixel is coloured ink, 0...256: none below a chroma of 45, all above 90. Yellowish pixels
/// (blue the weakest, red and green alike) are paper turning yellow or a scanner's tint, never ink.
static inline unsigned wh_color_weight(unsigned r, unsigned g, unsigned b) {
    unsigned mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
    unsigned mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
    unsigned chroma = mx - mn;
    if (chroma <= 45) return 0;
    int rg = (int)r - (int)g;
    if (b == mn && (rg < 0 ? -rg : rg) * 2 < (int)chroma) return 0;
    unsigned w = (chroma - 45) * 256 / 45;
    return w > 256 ? 256 : w;
}

/// One pixel into the three planes: luminance, print only (colour turned to paper), colour ink only.
/// Returns 1 when the pixel is clearly coloured ink.
static inline int wh_split_pixel(unsigned r, unsigned g, unsigned b, unsigned char *lum, unsigned char *print, unsigned char *ink) {
    unsigned l = (r * 77 + g * 150 + b * 29) >> 8;
    unsigned w = wh_color_weight(r, g, b);
    unsigned dark = 255 - l;
    *lum = (unsigned char)l;
    if (print) *print = (unsigned char)(l + ((dark * w) >> 8));
    if (ink) *ink = (unsigned char)(255 - ((dark * w) >> 8));
    return w >= 128 && l < 200;
}

/// Cairo's RGB24 (BGRX) page into luminance, print-only and colour-ink planes (each w*h bytes; print and
/// ink may be NULL). Returns how many pixels are clearly coloured ink.
static inline long wh_bgrx_planes(const unsigned char *in, l_int32 w, l_int32 h, l_int32 stride,
                                  unsigned char *lum, unsigned char *print, unsigned char *ink) {
    long colored = 0;
    for (l_int32 y = 0; y < h; y++) {
        const unsigned char *p = in + (size_t)y * stride;
        size_t o = (size_t)y * w;
        for (l_int32 x = 0; x < w; x++) {
            colored += wh_split_pixel(p[4 * x + 2], p[4 * x + 1], p[4 * x], lum + o + x,
                                      print ? print + o + x : NULL, ink ? ink + o + x : NULL);
        }
    }
    return colored;
}

/// A 32-bpp Leptonica image (RGBA words) into the same three planes.
static inline long wh_pix32_planes(PIX *pix, unsigned char *lum, unsigned char *print, unsigned char *ink) {
    l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    long colored = 0;
    for (l_int32 y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        size_t o = (size_t)y * w;
        for (l_int32 x = 0; x < w; x++) {
            l_uint32 v = line[x];
            colored += wh_split_pixel((v >> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, lum + o + x,
                                      print ? print + o + x : NULL, ink ? ink + o + x : NULL);
        }
    }
    return colored;
}

/// Counts pixels darker than `threshold` in each `cell`×`cell` square; `counts` holds cols*rows ints.
static inline void wh_ink_grid(const unsigned char *gray, l_int32 w, l_int32 h, l_int32 cell, unsigned char threshold, l_int32 *counts) {
    l_int32 cols = (w + cell - 1) / cell;
    for (l_int32 y = 0; y < h; y++) {
        const unsigned char *row = gray + (size_t)y * w;
        l_int32 *out = counts + (size_t)(y / cell) * cols;
        for (l_int32 x = 0; x < w; x++) {
            if (row[x] < threshold) out[x / cell]++;
        }
    }
}

/// Mean stroke width of the ink (darker than `threshold`) in a rectangle: twice the ink pixels over the ink
/// pixels that touch paper (4-neighbours), a cheap estimate that tells a pen or marker from print.
/// Returns 0 when the rectangle holds no ink.
static inline double wh_stroke_width(const unsigned char *gray, l_int32 w, l_int32 h, l_int32 x0, l_int32 y0, l_int32 x1, l_int32 y1, unsigned char threshold) {
    if (x0 < 1) x0 = 1;
    if (y0 < 1) y0 = 1;
    if (x1 > w - 1) x1 = w - 1;
    if (y1 > h - 1) y1 = h - 1;
    long ink = 0, edge = 0;
    for (l_int32 y = y0; y < y1; y++) {
        const unsigned char *row = gray + (size_t)y * w;
        for (l_int32 x = x0; x < x1; x++) {
            if (row[x] >= threshold) continue;
            ink++;
            if (row[x - 1] >= threshold || row[x + 1] >= threshold || row[x - w] >= threshold || row[x + w] >= threshold) edge++;
        }
    }
    return edge > 0 ? 2.0 * (double)ink / (double)edge : 0;
}

/// The grey-level histogram of n pixels.
static inline void wh_histogram(const unsigned char *gray, size_t n, l_int32 *hist) {
    for (size_t i = 0; i < n; i++) hist[gray[i]]++;
}

/// Leptonica's message severity constants are an anonymous enum; a function keeps the call site typed.
static inline void wh_lept_quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }
