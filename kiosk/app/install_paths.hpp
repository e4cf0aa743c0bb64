// Where the kiosk finds its default configuration and bundled content: the installed
// paths (/etc/kiosk/kiosk.jsonc, /usr/share/kiosk/content) or, in the build tree, the source's.
#pragma once

#include <string>

namespace kiosk::app {

struct DefaultPaths {
    std::string config;   // the configuration file used when --config is not given
    std::string content;  // the bundled event, when the configuration names no content_dir
    std::string assets;   // the kiosk's own artwork and sounds: the folder beside content
    bool buildTree = false;
};

// The executable's own folder decides, so a kiosk extracted under another root (dpkg -x,
// a chroot, an image being built) uses that root's files: an installed binary in
// <prefix>/bin reads <prefix>/share/kiosk/content and the sysconfdir at the same relative
// place (/usr/bin -> /etc). The binary in the build tree uses the source tree's config/
// and content/. KIOSK_PATHS_INSTALLED=1 reports the configured install paths as they are
// (the man pages are generated from the build tree's --help with it).
DefaultPaths defaultPaths();

}  // namespace kiosk::app
