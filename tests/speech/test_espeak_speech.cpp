// The real espeak-ng engine, played through SDL's disk audio driver into a temporary file
// that the tests read back: audible French, stop, replacement, pause, volume, no engine.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "platform/espeak_speech.hpp"

using kiosk::platform::EspeakOptions;
using kiosk::platform::EspeakSpeech;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

EspeakOptions searching(const std::string& path) {
    EspeakOptions o;
    o.searchPath = path;
    return o;
}
EspeakOptions running(const std::string& command) {
    EspeakOptions o;
    o.command = command;
    return o;
}

const std::string kFrench = "Bienvenue à la Semaine Culture et Numérique.";
constexpr int kSilence = 500;  // |sample| below this counts as silence (16-bit)

// Points SDL's disk audio driver at a fresh temporary file; it must exist before the
// engine starts SDL audio, which reads these variables. `delayMs` is the pause between
// 1024-sample blocks (46 ms of audio), so playback runs faster than real time.
class DiskAudio {
public:
    DiskAudio(const std::string& name, int delayMs) {
        file_ = fs::temp_directory_path() / ("kiosk-speech-" + std::to_string(::getpid()) + "-" + name + ".raw");
        fs::remove(file_);
        ::setenv("SDL_AUDIODRIVER", "disk", 1);
        ::setenv("SDL_DISKAUDIOFILE", file_.c_str(), 1);
        ::setenv("SDL_DISKAUDIODELAY", std::to_string(delayMs).c_str(), 1);
    }
    ~DiskAudio() {
        std::error_code ec;
        fs::remove(file_, ec);
    }
    DiskAudio(const DiskAudio&) = delete;
    DiskAudio& operator=(const DiskAudio&) = delete;

    std::size_t samplesWritten() const {
        std::error_code ec;
        const auto size = fs::file_size(file_, ec);
        return ec ? 0 : static_cast<std::size_t>(size / 2);
    }
    // The device format is signed 16-bit native-endian mono at EspeakSpeech::kDeviceRate.
    std::vector<std::int16_t> samples() const {
        std::ifstream in(file_, std::ios::binary);
        std::vector<std::int16_t> s(samplesWritten());
        in.read(reinterpret_cast<char*>(s.data()), static_cast<std::streamsize>(s.size() * 2));
        s.resize(static_cast<std::size_t>(in.gcount() / 2));
        return s;
    }

private:
    fs::path file_;
};

struct Loudness {
    double seconds = 0;  // from the first to the last non-silent sample
    double rms = 0;      // over that span
};

Loudness measure(const std::vector<std::int16_t>& s, std::size_t from = 0) {
    std::size_t first = s.size(), last = 0;
    for (std::size_t i = from; i < s.size(); ++i) {
        if (std::abs(s[i]) >= kSilence) {
            if (first == s.size()) first = i;
            last = i;
        }
    }
    if (first == s.size()) return {};
    double sum = 0;
    for (std::size_t i = first; i <= last; ++i) sum += static_cast<double>(s[i]) * s[i];
    return {static_cast<double>(last - first) / EspeakSpeech::kDeviceRate, std::sqrt(sum / (last - first + 1))};
}

// Polls `condition` every 10 ms for at most `limit`; returns whether it became true.
bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

// Pids of this process's children (running or not yet reaped): the synthesisers.
std::set<int> childProcesses() {
    std::set<int> pids;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 1));
        std::string state;
        int ppid = 0;
        rest >> state >> ppid;
        if (ppid == ::getpid()) pids.insert(std::stoi(name));
    }
    return pids;
}

// A stand-in for espeak-ng that writes a streaming WAV header, then hangs like a stuck
// synthesiser (exec, so that killing the pid ends it and closes its output).
class HangingSynthesiser {
public:
    HangingSynthesiser() {
        dir_ = fs::temp_directory_path() / ("kiosk-speech-fake-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        std::ofstream(dir_ / "espeak-ng") << "#!/bin/sh\n"
                                             "printf 'RIFF\\377\\377\\377\\377WAVEfmt \\020\\000\\000\\000"
                                             "\\001\\000\\001\\000\\042\\126\\000\\000\\104\\254\\000\\000"
                                             "\\002\\000\\020\\000data\\377\\377\\377\\377'\n"
                                             "exec sleep 30\n";
        fs::permissions(dir_ / "espeak-ng", fs::perms::owner_all);
    }
    ~HangingSynthesiser() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    HangingSynthesiser(const HangingSynthesiser&) = delete;
    HangingSynthesiser& operator=(const HangingSynthesiser&) = delete;
    EspeakOptions options() const { return searching(dir_.string()); }

private:
    fs::path dir_;
};

std::string longEnglish() {
    std::string text;
    for (int i = 0; i < 80; ++i) text += "The programme of the day is shown on this screen. ";
    return text;
}

Loudness speakFrenchAt(int volume, const std::string& name) {
    DiskAudio disk(name, 2);
    std::vector<std::int16_t> samples;
    {
        EspeakSpeech speech;
        REQUIRE(speech.available());
        REQUIRE(speech.audioDeviceOpen());
        speech.setVolume(volume);
        speech.speak(kFrench, "fr");
        CHECK(speech.speaking());
        REQUIRE(waitFor([&] { return !speech.speaking(); }, 10s));
    }  // closing the device flushes the file
    return measure(disk.samples());
}

}  // namespace

TEST_CASE("the real engine speaks a French sentence as audible audio", "[espeak]") {
    const Loudness l = speakFrenchAt(EspeakSpeech::kDefaultVolume, "french");
    INFO("speech lasts " << l.seconds << " s, RMS " << l.rms);
    CHECK(l.seconds > 0.5);
    CHECK(l.seconds < 10);
    CHECK(l.rms > 800);
}

TEST_CASE("volume steps scale the samples and are clamped to 1..5", "[espeak]") {
    const Loudness loud = speakFrenchAt(5, "loud");
    const Loudness quiet = speakFrenchAt(1, "quiet");
    INFO("RMS at 5: " << loud.rms << ", at 1: " << quiet.rms);
    REQUIRE(loud.rms > 0);
    const double ratio = quiet.rms / loud.rms;
    CHECK(ratio > 0.15);  // 12 dB lower: 0.25, give or take what falls under the silence threshold
    CHECK(ratio < 0.35);

    CHECK(kiosk::platform::volumeGain(5) == Approx(1.0));
    CHECK(kiosk::platform::volumeGain(0) == kiosk::platform::volumeGain(1));
    for (int step = 2; step <= 5; ++step)
        CHECK(kiosk::platform::volumeGain(step) > kiosk::platform::volumeGain(step - 1));

    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    EspeakSpeech speech(searching("/nonexistent"));
    EspeakSpeech real;
    for (kiosk::ui::SpeechOutput* s :
         {static_cast<kiosk::ui::SpeechOutput*>(&speech), static_cast<kiosk::ui::SpeechOutput*>(&real)}) {
        CHECK(s->volume() == 3);
        s->setVolume(0);
        CHECK(s->volume() == 1);
        s->setVolume(-7);
        CHECK(s->volume() == 1);
        s->setVolume(6);
        CHECK(s->volume() == 5);
        s->setVolume(4);
        CHECK(s->volume() == 4);
    }
}

TEST_CASE("stop() during speech ends it at once and nothing more is heard", "[espeak]") {
    DiskAudio disk("stop", 5);
    std::size_t stoppedAt = 0;
    {
        EspeakSpeech speech;
        speech.speak(longEnglish(), "en");
        REQUIRE(waitFor([&] { return measure(disk.samples()).seconds > 0.5; }, 5s));
        REQUIRE(speech.speaking());
        const auto before = std::chrono::steady_clock::now();
        speech.stop();
        stoppedAt = disk.samplesWritten();
        CHECK(waitFor([&] { return !speech.speaking(); }, 200ms));
        INFO("stopped after " << std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count()
                              << " s");
        // Let the device write silence for a while after the stop.
        REQUIRE(waitFor([&] { return disk.samplesWritten() > stoppedAt + 2 * EspeakSpeech::kDeviceRate; }, 5s));
    }
    const auto samples = disk.samples();
    CHECK(measure(samples).seconds > 0.5);  // it was speaking before the stop
    // Past what was already in SDL's and stdio's buffers at the stop, only silence.
    const std::size_t margin = 8192;
    REQUIRE(samples.size() > stoppedAt + margin);
    const Loudness after = measure(samples, stoppedAt + margin);
    INFO("after the stop: " << after.seconds << " s of sound");
    CHECK(after.seconds == 0);
}

TEST_CASE("a second speak() replaces the first at once", "[espeak]") {
    DiskAudio disk("replace", 5);
    EspeakSpeech speech;
    speech.speak(longEnglish(), "en");  // some 230 s of speech, about 25 s of playback here
    REQUIRE(waitFor([&] { return measure(disk.samples()).seconds > 0.2; }, 5s));
    REQUIRE(waitFor([] { return childProcesses().empty(); }, 5s));  // all of it synthesised and queued
    speech.speak(kFrench, "fr");
    CHECK(speech.speaking());
    // The short French sentence alone plays in well under 2 s at this speed.
    CHECK(waitFor([&] { return !speech.speaking(); }, 3s));
}

TEST_CASE("pause holds speech, resume continues it, repeat says the last text again", "[espeak]") {
    DiskAudio disk("pause", 5);
    EspeakSpeech speech;
    speech.repeat();  // nothing said yet
    CHECK_FALSE(speech.speaking());
    speech.speak(longEnglish(), "en");
    REQUIRE(waitFor([&] { return measure(disk.samples()).seconds > 0.2; }, 5s));
    speech.pause();
    CHECK_FALSE(speech.speaking());
    speech.resume();
    CHECK(speech.speaking());
    speech.speak(kFrench, "fr");
    REQUIRE(waitFor([&] { return !speech.speaking(); }, 5s));
    speech.repeat();
    CHECK(speech.speaking());
    CHECK(waitFor([&] { return !speech.speaking(); }, 5s));
    speech.stop();
    CHECK_FALSE(speech.speaking());
}

TEST_CASE("without an audio device, synthesis still runs and speaking() ends", "[espeak]") {
    ::setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    EspeakSpeech speech;
    CHECK(speech.available());
    CHECK_FALSE(speech.audioDeviceOpen());
    CHECK_THAT(speech.engineDescription(), Catch::Contains("no audio device"));
    speech.speak(kFrench, "fr");
    CHECK(speech.speaking());
    CHECK(waitFor([&] { return !speech.speaking(); }, 5s));
}

TEST_CASE("the dummy audio driver plays a short word", "[espeak]") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    EspeakSpeech speech;
    REQUIRE(speech.audioDeviceOpen());
    CHECK_THAT(speech.engineDescription(), Catch::Contains("dummy"));
    speech.speak("Bonjour", "fr");
    CHECK(speech.speaking());
    CHECK(waitFor([&] { return !speech.speaking(); }, 5s));  // real time: under a second
}

TEST_CASE("without espeak-ng on the search path the engine is unavailable and silent", "[espeak]") {
    for (const EspeakOptions& o :
         {searching("/nonexistent:/also-missing"), running("espeak-ng-not-installed-anywhere")}) {
        EspeakSpeech speech(o);
        CHECK_FALSE(speech.available());
        CHECK(speech.engineDescription() == "no speech engine: install espeak-ng");
        speech.speak(kFrench, "fr");
        speech.pause();
        speech.resume();
        speech.repeat();
        CHECK_FALSE(speech.speaking());
        speech.stop();
    }
    EspeakSpeech found(searching("/nonexistent::/usr/bin"));
    CHECK(found.available());
    CHECK_THAT(found.engineDescription(), Catch::Contains("espeak-ng"));
}

TEST_CASE("the PATH search finds executable files only", "[espeak]") {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-speech-path-" + std::to_string(::getpid()));
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "tool") << "#!/bin/sh\n";
    std::ofstream(dir / "plain") << "not a program\n";
    fs::permissions(dir / "tool", fs::perms::owner_all);
    fs::permissions(dir / "plain", fs::perms::owner_read | fs::perms::owner_write);
    fs::create_directories(dir / "sub" / "tool");  // a directory named like the program
    using kiosk::platform::findExecutable;
    const std::string d = dir.string();
    CHECK(findExecutable("tool", "/nonexistent:" + d) == d + "/tool");
    CHECK(findExecutable("tool", d + "/sub:" + d) == d + "/tool");
    CHECK_FALSE(findExecutable("tool", d + "/sub").has_value());
    CHECK_FALSE(findExecutable("plain", d).has_value());
    CHECK_FALSE(findExecutable("", d).has_value());
    CHECK(findExecutable(d + "/tool", "") == d + "/tool");
    CHECK_FALSE(findExecutable(d + "/plain", "/usr/bin").has_value());
    fs::remove_all(dir);
}

TEST_CASE("languages map to espeak-ng voices", "[espeak]") {
    CHECK(EspeakSpeech::voiceFor("fr") == "fr");
    CHECK(EspeakSpeech::voiceFor("fr-BE") == "fr");
    CHECK(EspeakSpeech::voiceFor("en") == "en");
    CHECK(EspeakSpeech::voiceFor("EN_gb") == "en");
    CHECK(EspeakSpeech::voiceFor("de") == "de");
    CHECK(EspeakSpeech::voiceFor("") == "fr");
    CHECK(EspeakSpeech::voiceFor("-a 200") == "fr");  // never an option of espeak-ng
}

TEST_CASE("stop() kills a synthesiser that is still running", "[espeak]") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    HangingSynthesiser fake;
    EspeakSpeech speech(fake.options());
    REQUIRE(speech.available());
    speech.speak("Bonjour", "fr");
    REQUIRE(waitFor([] { return childProcesses().size() == 1; }, 2s));
    CHECK(speech.speaking());
    speech.stop();
    CHECK_FALSE(speech.speaking());
    CHECK(waitFor([] { return childProcesses().empty(); }, 1s));  // killed and reaped
}

TEST_CASE("a second speak() kills the first synthesiser and the destructor the last", "[espeak]") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    HangingSynthesiser fake;
    auto speech = std::make_unique<EspeakSpeech>(fake.options());
    speech->speak("Premier", "fr");
    REQUIRE(waitFor([] { return childProcesses().size() == 1; }, 2s));
    const int first = *childProcesses().begin();
    speech->speak("Second", "fr");
    CHECK(speech->speaking());
    CHECK(waitFor(
        [&] {
            const auto now = childProcesses();
            return now.size() == 1 && !now.count(first);
        },
        2s));
    const auto before = std::chrono::steady_clock::now();
    speech.reset();
    CHECK(std::chrono::steady_clock::now() - before < 1s);
    CHECK(childProcesses().empty());
}

// The UI does not poll speech: the engine says when a synthesis ended, and from then on
// the queued audio tells when speaking() turns false.
TEST_CASE("the engine notifies the end of a synthesis and then knows when playback ends", "[espeak]") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    EspeakSpeech speech;
    REQUIRE(speech.audioDeviceOpen());
    std::atomic<int> notified{0};
    speech.setChangeNotifier([&] { ++notified; });
    speech.speak(kFrench, "fr");
    CHECK(speech.secondsUntilQuiet() > 100);  // still synthesising: not known yet
    REQUIRE(waitFor([&] { return notified.load() > 0; }, 5s));
    const double left = speech.secondsUntilQuiet();
    if (speech.speaking()) {
        INFO("seconds of audio left when synthesis ended: " << left);
        CHECK(left > 0);
        CHECK(left < 10);
        // Playback ends about when it was said to (real time, dummy driver).
        CHECK(waitFor([&] { return !speech.speaking(); },
                      std::chrono::milliseconds(static_cast<int>(left * 1000) + 1500)));
    }
    CHECK(speech.secondsUntilQuiet() > 100);  // quiet: nothing to wait for
    speech.setChangeNotifier({});
}
