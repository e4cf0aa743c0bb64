// Speech output as the UI sees it: say a text in its own language, stop at any touch,
// pause, resume, repeat, volume steps. The platform implements it with espeak-ng run as a
// separate process; tests use a recording implementation.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::ui {

class SpeechOutput {
public:
    static constexpr int kVolumeSteps = 5;  // 1 (quiet) .. 5 (loud)
    static constexpr int kDefaultVolume = 3;

    virtual ~SpeechOutput() = default;
    // Replaces whatever is being said. `lang` is the text's own language ("fr", "en").
    // Never blocks: synthesis and playback happen off the UI thread.
    virtual void speak(const std::string& text, std::string_view lang) = 0;
    virtual void stop() = 0;
    virtual void pause() = 0;
    virtual void resume() = 0;
    virtual void repeat() = 0;             // the last text again
    virtual void setVolume(int step) = 0;  // clamped to 1..kVolumeSteps
    virtual int volume() const = 0;
    virtual bool speaking() const = 0;                  // synthesising or playing (not paused)
    virtual bool available() const = 0;                 // false when no engine is installed
    virtual std::string engineDescription() const = 0;  // for --check and the staff status

    // Called from the engine's own thread when speaking() may have changed without a call
    // from the UI (a synthesis ended); the app posts a wake-up to its inbox. Set once,
    // before speech is used.
    virtual void setChangeNotifier(std::function<void()> notify) { (void)notify; }
    // Seconds until speaking() turns false on its own (the queued audio has played), or a
    // large value when that moment is not known yet: the notifier says when it is.
    virtual double secondsUntilQuiet() const { return speaking() ? 0.25 : 1e9; }
};

}  // namespace kiosk::ui
