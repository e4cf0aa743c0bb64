// A SpeechOutput that says nothing and records every call, for UI tests: what was spoken
// in which language, stops, pauses, resumes, repeats and volume changes, in order.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui/speech.hpp"

namespace kiosk::ui {

// Not thread-safe: meant for tests that drive the UI on one thread. Calls are recorded
// even when constructed unavailable (so a test can see what the UI attempted), but then
// speaking() stays false, as with the real engine.
class RecordingSpeech final : public SpeechOutput {
public:
    enum class Kind { Speak, Stop, Pause, Resume, Repeat, Volume };
    struct Call {
        Kind kind;
        std::string text;  // Speak and Repeat: the text said (Repeat: the last text, or empty)
        std::string lang;  // Speak and Repeat: its language
        int volume = 0;    // Volume: the clamped step
    };
    struct Utterance {
        std::string text;
        std::string lang;
        bool operator==(const Utterance&) const = default;
    };

    explicit RecordingSpeech(bool available = true) : available_(available) {}

    void speak(const std::string& text, std::string_view lang) override {
        calls_.push_back({Kind::Speak, text, std::string(lang), 0});
        say(text, std::string(lang));
    }
    void stop() override {
        calls_.push_back({Kind::Stop, {}, {}, 0});
        speaking_ = false;
        paused_ = false;
    }
    void pause() override {
        calls_.push_back({Kind::Pause, {}, {}, 0});
        paused_ = true;
    }
    void resume() override {
        calls_.push_back({Kind::Resume, {}, {}, 0});
        paused_ = false;
    }
    void repeat() override {
        const Utterance last = last_;
        calls_.push_back({Kind::Repeat, last.text, last.lang, 0});
        if (!last.text.empty()) say(last.text, last.lang);
    }
    void setVolume(int step) override {
        volume_ = std::clamp(step, 1, kVolumeSteps);
        calls_.push_back({Kind::Volume, {}, {}, volume_});
    }
    int volume() const override { return volume_; }
    bool speaking() const override { return available_ && speaking_ && !paused_; }
    bool available() const override { return available_; }
    std::string engineDescription() const override {
        return available_ ? "recording speech (tests)" : "no speech engine: install espeak-ng";
    }

    // ---- for assertions ----
    const std::vector<Call>& calls() const { return calls_; }
    // Every text said, by speak() or repeat(), in order.
    const std::vector<Utterance>& spoken() const { return spoken_; }
    // The last text said; empty when nothing was.
    Utterance lastSpoken() const { return spoken_.empty() ? Utterance{} : spoken_.back(); }
    std::size_t count(Kind kind) const {
        return static_cast<std::size_t>(
            std::count_if(calls_.begin(), calls_.end(), [kind](const Call& c) { return c.kind == kind; }));
    }
    std::size_t stopCount() const { return count(Kind::Stop); }
    std::size_t pauseCount() const { return count(Kind::Pause); }
    bool paused() const { return paused_; }
    // Forgets the record (not the volume, the speaking state or the text repeat() says),
    // e.g. between test steps.
    void clearRecord() {
        calls_.clear();
        spoken_.clear();
    }

private:
    void say(std::string text, std::string lang) {
        last_ = {std::move(text), std::move(lang)};
        spoken_.push_back(last_);
        speaking_ = true;
        paused_ = false;  // a new text is heard even after a pause, as with the real engine
    }

    bool available_;
    bool speaking_ = false;
    bool paused_ = false;
    int volume_ = kDefaultVolume;
    std::vector<Call> calls_;
    std::vector<Utterance> spoken_;
    Utterance last_;
};

}  // namespace kiosk::ui
