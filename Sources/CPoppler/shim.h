#include <poppler.h>
#include <cairo.h>

/// POPPLER_ERROR is a macro that calls a function: not imported into Swift.
static inline GQuark wh_poppler_error_quark(void) { return POPPLER_ERROR; }
