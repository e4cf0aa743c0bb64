// fontconfig lookup of the configured font family (see font_lookup.hpp).
#include "app/font_lookup.hpp"

#include <strings.h>

#include <fontconfig/fontconfig.h>

namespace kiosk::app {

core::Result<std::string> findFontFile(const std::string& family, bool bold) {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return core::fail("fontconfig could not load its configuration (install the fontconfig package)");
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    std::string file, found;
    if (match) {
        FcChar8* value = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &value) == FcResultMatch) file = reinterpret_cast<char*>(value);
        if (FcPatternGetString(match, FC_FAMILY, 0, &value) == FcResultMatch) found = reinterpret_cast<char*>(value);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    const char* weight = bold ? "bold" : "regular";
    if (file.empty()) return core::fail("fontconfig found no font for \"" + family + "\" " + weight);
    // fontconfig always answers with something; a stand-in family may lack French glyphs.
    if (strcasecmp(found.c_str(), family.c_str()) != 0) {
        return core::fail("font family \"" + family + "\" (" + weight + ") is not installed, fontconfig offers \"" +
                          found + "\" (install fonts-dejavu-core or set fonts.family)");
    }
    return file;
}

}  // namespace kiosk::app
