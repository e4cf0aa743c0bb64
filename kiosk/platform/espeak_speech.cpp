// espeak-ng as a child process (posix_spawn, no shell) feeding an SDL audio queue from a
// worker thread (see espeak_speech.hpp). Each speak/stop bumps a generation number; the
// worker drops audio of older generations, so a replaced text is never heard.
#include "platform/espeak_speech.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/log.hpp"
#include "platform/wav_header.hpp"

extern char** environ;

namespace kiosk::platform {
namespace {

namespace log = core::log;

std::string truncateUtf8(const std::string& text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

bool isBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

// Starts `argv` with stdout on `stdoutFd`, stdin and stderr on /dev/null, default signal
// dispositions and an empty signal mask. Returns the pid, or 0 with errno-style `err`.
pid_t spawnWithStdout(const std::vector<std::string>& args, int stdoutFd, int& err) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, stdoutFd, 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = 0;
    err = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return err == 0 ? pid : 0;
}

void reap(pid_t pid, int& status) {
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
}

// Converts a WAV stream's samples to the device format, applying the volume as it goes.
// Incomplete sample frames are carried over to the next block.
class Converter {
public:
    explicit Converter(const WavFormat& f)
        : frameBytes_(f.channels * f.bitsPerSample / 8),
          stream_(SDL_NewAudioStream(f.bitsPerSample == 8 ? AUDIO_U8 : AUDIO_S16LSB, static_cast<Uint8>(f.channels),
                                     f.sampleRate, AUDIO_S16SYS, 1, EspeakSpeech::kDeviceRate)) {}
    ~Converter() {
        if (stream_) SDL_FreeAudioStream(stream_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;
    bool ok() const { return stream_ != nullptr; }

    void put(const unsigned char* data, std::size_t size) {
        carry_.insert(carry_.end(), data, data + size);
        const std::size_t whole = carry_.size() - carry_.size() % static_cast<std::size_t>(frameBytes_);
        if (whole == 0) return;
        SDL_AudioStreamPut(stream_, carry_.data(), static_cast<int>(whole));
        carry_.erase(carry_.begin(), carry_.begin() + static_cast<std::ptrdiff_t>(whole));
    }
    void flush() { SDL_AudioStreamFlush(stream_); }
    // Converted samples so far, scaled by `gain`; empty when nothing is ready.
    const std::vector<Sint16>& take(float gain) {
        out_.clear();
        const int available = SDL_AudioStreamAvailable(stream_);
        if (available <= 0) return out_;
        out_.resize(static_cast<std::size_t>(available) / sizeof(Sint16));
        const int got = SDL_AudioStreamGet(stream_, out_.data(), available);
        out_.resize(got > 0 ? static_cast<std::size_t>(got) / sizeof(Sint16) : 0);
        for (auto& s : out_) s = static_cast<Sint16>(std::clamp(std::lround(s * gain), -32768L, 32767L));
        return out_;
    }

private:
    int frameBytes_;
    SDL_AudioStream* stream_;
    std::vector<unsigned char> carry_;
    std::vector<Sint16> out_;
};

}  // namespace

std::optional<std::string> findExecutable(std::string_view name, std::string_view pathList) {
    auto isExecutableFile = [](const std::string& p) {
        struct stat st {};
        return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
    };
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string_view::npos) {
        std::string p(name);
        return isExecutableFile(p) ? std::optional<std::string>(p) : std::nullopt;
    }
    std::size_t start = 0;
    while (start <= pathList.size()) {
        std::size_t end = pathList.find(':', start);
        if (end == std::string_view::npos) end = pathList.size();
        std::string dir(pathList.substr(start, end - start));
        std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + std::string(name);
        if (isExecutableFile(candidate)) return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

float volumeGain(int step) {
    step = std::clamp(step, 1, ui::SpeechOutput::kVolumeSteps);
    return static_cast<float>(std::pow(10.0, -3.0 * (ui::SpeechOutput::kVolumeSteps - step) / 20.0));
}

std::string EspeakSpeech::voiceFor(std::string_view lang) {
    std::string primary;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (primary == "fr" || primary == "en") return primary;
    const bool plainCode = (primary.size() == 2 || primary.size() == 3) &&
                           std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return plainCode ? primary : "fr";
}

EspeakSpeech::EspeakSpeech(EspeakOptions options) : options_(std::move(options)) {
    std::string path;
    if (options_.searchPath) {
        path = *options_.searchPath;
    } else if (const char* env = std::getenv("PATH")) {
        path = env;
    } else {
        path = "/usr/local/bin:/usr/bin:/bin";
    }
    if (auto found = findExecutable(options_.command, path)) {
        programPath_ = *found;
    } else {
        log::info(options_.command + " was not found: speech output is off");
        return;
    }

    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        log::warning(std::string("speech: no audio (SDL audio could not start: ") + SDL_GetError() + ")");
    } else {
        sdlAudioStarted_ = true;
        SDL_AudioSpec want{};
        want.freq = kDeviceRate;
        want.format = AUDIO_S16SYS;
        want.channels = 1;
        want.samples = 1024;
        SDL_AudioSpec have{};
        device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);  // no allowed changes: SDL converts
        bytesPerSecond_ = static_cast<double>(want.freq) * want.channels * (SDL_AUDIO_BITSIZE(want.format) / 8);
        if (device_ == 0) {
            log::warning(std::string("speech: no audio device (") + SDL_GetError() +
                         "); texts are synthesised but not heard");
        } else {
            SDL_PauseAudioDevice(device_, 0);
        }
    }
    worker_ = std::thread([this] { workerLoop(); });
}

EspeakSpeech::~EspeakSpeech() {
    if (worker_.joinable()) {
        {
            std::lock_guard lock(mutex_);
            shutdown_ = true;
            ++generation_;
            pending_.reset();
            killChildLocked();
        }
        wake_.notify_all();
        worker_.join();
    }
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    if (sdlAudioStarted_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void EspeakSpeech::killChildLocked() {
    if (childPid_ > 0) ::kill(childPid_, SIGKILL);  // the worker reaps it once its pipe ends
}

void EspeakSpeech::dropAudioLocked() {
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

void EspeakSpeech::speak(const std::string& text, std::string_view lang) {
    if (!available()) return;
    if (isBlank(text)) {
        stop();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        lastText_ = truncateUtf8(text, kMaxTextBytes);
        lastLang_ = std::string(lang);
        ++generation_;
        killChildLocked();
        dropAudioLocked();
        paused_ = false;
        if (device_ != 0) SDL_PauseAudioDevice(device_, 0);
        pending_ = Request{lastText_, voiceFor(lang)};
    }
    wake_.notify_one();
}

void EspeakSpeech::stop() {
    if (!available()) return;
    std::lock_guard lock(mutex_);
    ++generation_;
    pending_.reset();
    killChildLocked();
    dropAudioLocked();
    paused_ = false;
    if (device_ != 0) SDL_PauseAudioDevice(device_, 0);
}

void EspeakSpeech::pause() {
    if (!available()) return;
    std::lock_guard lock(mutex_);
    paused_ = true;
    if (device_ != 0) SDL_PauseAudioDevice(device_, 1);
}

void EspeakSpeech::resume() {
    if (!available()) return;
    std::lock_guard lock(mutex_);
    paused_ = false;
    if (device_ != 0) SDL_PauseAudioDevice(device_, 0);
}

void EspeakSpeech::repeat() {
    std::string text, lang;
    {
        std::lock_guard lock(mutex_);
        text = lastText_;
        lang = lastLang_;
    }
    if (!text.empty()) speak(text, lang);
}

void EspeakSpeech::setVolume(int step) { volume_.store(std::clamp(step, 1, kVolumeSteps)); }

bool EspeakSpeech::speaking() const {
    if (!available()) return false;
    std::lock_guard lock(mutex_);
    if (paused_) return false;
    if (pending_ || (synthesising_ && synthesisGeneration_ == generation_)) return true;  // not once dropped
    return device_ != 0 && SDL_GetQueuedAudioSize(device_) > 0;
}

void EspeakSpeech::setChangeNotifier(std::function<void()> notify) {
    std::lock_guard lock(mutex_);
    notify_ = std::move(notify);
}

// Once synthesis is over, the queue's length says when playback ends: the UI schedules a
// frame for that moment instead of polling.
double EspeakSpeech::secondsUntilQuiet() const {
    if (!available()) return 1e9;
    std::lock_guard lock(mutex_);
    if (paused_ || pending_ || (synthesising_ && synthesisGeneration_ == generation_)) return 1e9;
    if (device_ == 0 || bytesPerSecond_ <= 0) return 1e9;
    const Uint32 queued = SDL_GetQueuedAudioSize(device_);
    return queued == 0 ? 1e9 : static_cast<double>(queued) / bytesPerSecond_ + 0.02;
}

std::string EspeakSpeech::engineDescription() const {
    if (!available()) return "no speech engine: install espeak-ng";
    std::string d = "espeak-ng (" + programPath_ + ", separate process)";
    if (device_ == 0) return d + ", no audio device";
    const char* driver = SDL_GetCurrentAudioDriver();
    return d + ", SDL audio driver " + (driver ? driver : "unknown");
}

void EspeakSpeech::workerLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return shutdown_ || pending_.has_value(); });
        if (shutdown_) return;
        Request request = std::move(*pending_);
        pending_.reset();
        const std::uint64_t generation = generation_;
        synthesising_ = true;
        synthesisGeneration_ = generation;
        lock.unlock();
        synthesise(request, generation);
        lock.lock();
        synthesising_ = false;
        // The UI learns when playback will end (or that it already has). Called under the
        // lock, so clearing the notifier waits for a call in progress.
        if (notify_) notify_();
    }
}

bool EspeakSpeech::queueSamples(const void* data, int bytes, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    if (generation != generation_ || shutdown_) return false;
    if (device_ != 0 && bytes > 0) SDL_QueueAudio(device_, data, static_cast<Uint32>(bytes));
    return true;
}

void EspeakSpeech::synthesise(const Request& request, std::uint64_t generation) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        log::warning(std::string("speech: cannot create a pipe: ") + std::strerror(errno));
        return;
    }
    const std::vector<std::string> args = {programPath_, "--stdout",
                                           "-v",         request.voice,
                                           "-s",         std::to_string(options_.wordsPerMinute),
                                           "-a",         std::to_string(std::clamp(options_.amplitude, 0, 200)),
                                           "--",         request.text};
    int err = 0;
    const pid_t pid = spawnWithStdout(args, fds[1], err);
    ::close(fds[1]);
    if (pid == 0) {
        ::close(fds[0]);
        log::warning("speech: cannot start " + programPath_ + ": " + std::strerror(err));
        return;
    }
    {
        std::lock_guard lock(mutex_);
        childPid_ = pid;
        if (generation != generation_ || shutdown_) killChildLocked();  // replaced while starting
    }

    std::vector<unsigned char> header;
    std::optional<WavFormat> format;
    std::optional<Converter> converter;
    std::uint64_t remaining = 0;
    std::string problem;
    bool reachedEnd = false;
    unsigned char buffer[16384];
    for (;;) {
        const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            reachedEnd = true;
            break;
        }
        const unsigned char* data = buffer;
        std::size_t size = static_cast<std::size_t>(got);
        if (!format) {
            header.insert(header.end(), buffer, buffer + got);
            auto parsed = parseWavHeader(header);
            if (!parsed) {
                problem = parsed.error();
                break;
            }
            if (!parsed.value()) continue;
            format = *parsed.value();
            remaining = format->dataBytes ? *format->dataBytes : UINT64_MAX;
            converter.emplace(*format);
            if (!converter->ok()) {
                problem = std::string("cannot convert its audio: ") + SDL_GetError();
                break;
            }
            data = header.data() + format->headerBytes;
            size = header.size() - format->headerBytes;
        }
        size = static_cast<std::size_t>(std::min<std::uint64_t>(size, remaining));
        remaining -= size;
        converter->put(data, size);
        const auto& samples = converter->take(volumeGain(volume_.load()));
        if (!queueSamples(samples.data(), static_cast<int>(samples.size() * sizeof(Sint16)), generation)) break;
        if (remaining == 0) break;
    }
    if (converter && converter->ok() && problem.empty()) {
        converter->flush();
        const auto& samples = converter->take(volumeGain(volume_.load()));
        queueSamples(samples.data(), static_cast<int>(samples.size() * sizeof(Sint16)), generation);
    }
    ::close(fds[0]);

    {
        std::lock_guard lock(mutex_);
        if (!reachedEnd) killChildLocked();  // stopped, replaced, or its output was unusable
        childPid_ = 0;                       // from here on nobody else signals this pid
    }
    int status = 0;
    reap(pid, status);
    const bool killedByUs = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (!problem.empty()) {
        log::warning("speech: espeak-ng output is unusable: " + problem);
    } else if (!killedByUs && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
        log::warning("speech: espeak-ng failed (status " + std::to_string(status) + ")");
    } else if (reachedEnd && !format) {
        log::warning("speech: espeak-ng produced no audio for voice '" + request.voice + "'");
    }
}

}  // namespace kiosk::platform
