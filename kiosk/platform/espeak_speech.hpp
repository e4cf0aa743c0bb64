// Speech output with espeak-ng run as a separate program (never linked: it is GPL) whose
// WAV output is read on a worker thread and played through an SDL audio device.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "ui/speech.hpp"

namespace kiosk::platform {

struct EspeakOptions {
    // Program to run: a bare name searched on `searchPath`, or a path containing '/'.
    std::string command = "espeak-ng";
    // Directories searched for `command`, ':'-separated; nullopt means the PATH variable.
    std::optional<std::string> searchPath;
    int wordsPerMinute = 150;  // espeak-ng -s; a little slower than its default 175
    int amplitude = 100;       // espeak-ng -a (0..200); volume steps scale the samples below this
};

// Finds `name` as an executable regular file in the ':'-separated `pathList` (an empty
// entry means the current directory), or checks `name` itself when it contains '/'.
// Returns the full path, or nullopt. No shell is involved.
std::optional<std::string> findExecutable(std::string_view name, std::string_view pathList);

// The gain applied to samples at a volume step (clamped to 1..kVolumeSteps): about 3 dB
// per step, 1.0 at the loudest.
float volumeGain(int step);

class EspeakSpeech final : public ui::SpeechOutput {
public:
    // The audio device is opened as signed 16-bit native-endian mono at this rate; SDL
    // converts to the hardware (tests read SDL's disk driver output in this format).
    static constexpr int kDeviceRate = 22050;
    // Longer texts are cut at a UTF-8 boundary: 4 KiB is about two minutes of speech, whose
    // audio (some 10 MB) is queued at once.
    static constexpr std::size_t kMaxTextBytes = 4 * 1024;

    // Looks for the program once. When it is missing, available() is false and every call
    // is a no-op; nothing of SDL is touched. Otherwise initialises SDL's audio subsystem
    // only (SDL_InitSubSystem, never video), opens the default output device and starts the
    // worker thread. If the device cannot open, synthesis still runs (and speaking() reports
    // it) but nothing is heard; one warning is logged.
    explicit EspeakSpeech(EspeakOptions options = {});
    // Stops speech, kills the synthesiser, joins the worker, closes the device and quits
    // the audio subsystem. Call it before SDL_Quit.
    ~EspeakSpeech() override;
    EspeakSpeech(const EspeakSpeech&) = delete;
    EspeakSpeech& operator=(const EspeakSpeech&) = delete;

    // All of these return at once (no waiting on the synthesiser or the device) and may be
    // called from any thread, though the kiosk calls them from the UI thread.
    // speak(): kills the running synthesis, drops queued audio, unpauses, and hands `text`
    // to the worker. `lang` picks the voice: "fr*" -> fr (fr-fr), "en*" -> en (en-gb),
    // another plain language code -> that espeak-ng language, anything else -> fr.
    void speak(const std::string& text, std::string_view lang) override;
    void stop() override;   // kills synthesis and drops queued audio; forgets a pause
    void pause() override;  // holds playback; synthesis goes on filling the queue
    void resume() override;
    void repeat() override;             // the last text spoken, in its language; no-op before any
    void setVolume(int step) override;  // takes effect from the next block of samples
    int volume() const override { return volume_.load(); }
    bool speaking() const override;
    bool available() const override { return !programPath_.empty(); }
    std::string engineDescription() const override;
    void setChangeNotifier(std::function<void()> notify) override;
    double secondsUntilQuiet() const override;

    // The espeak-ng voice used for a language code (see speak()).
    static std::string voiceFor(std::string_view lang);
    bool audioDeviceOpen() const { return device_ != 0; }

private:
    struct Request {
        std::string text;
        std::string voice;
    };
    void workerLoop();
    void synthesise(const Request& request, std::uint64_t generation);
    void killChildLocked();
    void dropAudioLocked();
    bool queueSamples(const void* data, int bytes, std::uint64_t generation);

    EspeakOptions options_;
    std::string programPath_;       // empty when espeak-ng was not found
    std::uint32_t device_ = 0;      // SDL_AudioDeviceID, 0 when no device
    double bytesPerSecond_ = 0;     // of the device's queue (its obtained format)
    std::function<void()> notify_;  // set before use, read by the worker
    bool sdlAudioStarted_ = false;
    std::atomic<int> volume_{kDefaultVolume};

    mutable std::mutex mutex_;  // guards everything below, and orders queueing against clearing
    std::condition_variable wake_;
    std::optional<Request> pending_;
    std::uint64_t generation_ = 0;  // bumped by speak/stop: work of older generations is dropped
    bool synthesising_ = false;
    std::uint64_t synthesisGeneration_ = 0;  // the generation the worker is synthesising
    bool paused_ = false;
    bool shutdown_ = false;
    int childPid_ = 0;  // running espeak-ng, 0 when none (or being reaped by the worker)
    std::string lastText_;
    std::string lastLang_;
    std::thread worker_;
};

}  // namespace kiosk::platform
