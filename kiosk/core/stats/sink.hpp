// The interface the UI reports visits and views through. The UI thread calls it; every
// call returns at once (the recorder only enqueues). No call takes free text.
#pragma once

#include <string_view>

namespace kiosk::core::stats {

// Names and ids must be isSafeToken() (event.hpp); others are dropped and counted as
// rejected, so a search box's text can never reach the database by mistake.
class Sink {
public:
    virtual ~Sink() = default;
    virtual void visitStarted() = 0;                       // the touch that woke the kiosk from its attract loop
    virtual void visitEnded() = 0;                         // the return to the attract loop (idle or "end" button)
    virtual void screenViewed(std::string_view name) = 0;  // "home", "programme"...
    virtual void itemViewed(std::string_view kind, std::string_view id) = 0;  // ("session", "atelier-robots")
    virtual void qrShown(std::string_view id) = 0;                 // the session or item whose QR code is shown
    virtual void filterUsed(std::string_view name) = 0;            // "type:workshop", "commune:...", "now"
    virtual void languageUsed(std::string_view code) = 0;          // "fr", "en"
    virtual void accessibilityUsed(std::string_view feature) = 0;  // "larger_text", "high_contrast", "speech"...
};

// For tests (which count what they need on top of it) and a kiosk with statistics off.
class NullSink : public Sink {
public:
    void visitStarted() override {}
    void visitEnded() override {}
    void screenViewed(std::string_view) override {}
    void itemViewed(std::string_view, std::string_view) override {}
    void qrShown(std::string_view) override {}
    void filterUsed(std::string_view) override {}
    void languageUsed(std::string_view) override {}
    void accessibilityUsed(std::string_view) override {}
};

}  // namespace kiosk::core::stats
