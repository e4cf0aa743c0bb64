// Earcon playback (see earcon_player.hpp).
#include "platform/earcon_player.hpp"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <utility>

#include "core/log.hpp"
#include "platform/wav_header.hpp"

namespace kiosk::platform {
namespace {
const char* assetFor(ui::Earcon e) {
    switch (e) {
        case ui::Earcon::FocusMoved: return "sounds/focus.wav";
        case ui::Earcon::Activated: return "sounds/activate.wav";
        case ui::Earcon::Back: return "sounds/back.wav";
        case ui::Earcon::EndOfList: return "sounds/end.wav";
    }
    return "";
}
}  // namespace

std::vector<std::int16_t> builtInEarcon(ui::Earcon earcon, int rate) {
    std::vector<std::pair<double, double>> notes;  // frequency Hz, seconds
    switch (earcon) {
        case ui::Earcon::FocusMoved: notes = {{880, 0.045}}; break;
        case ui::Earcon::Activated: notes = {{660, 0.05}, {990, 0.08}}; break;
        case ui::Earcon::Back: notes = {{740, 0.05}, {494, 0.08}}; break;
        case ui::Earcon::EndOfList: notes = {{330, 0.12}}; break;
    }
    std::vector<std::int16_t> out;
    constexpr double kTwoPi = 6.283185307179586;
    for (const auto& [freq, seconds] : notes) {
        const int n = static_cast<int>(rate * seconds);
        for (int i = 0; i < n; ++i) {
            const double t = static_cast<double>(i) / rate;
            const double env = std::min(1.0, t / 0.005) * std::exp(-5.0 * t / seconds);
            const double v = 0.35 * env * (std::sin(kTwoPi * freq * t) + 0.25 * std::sin(2 * kTwoPi * freq * t));
            out.push_back(static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0, 1.0) * 32767)));
        }
    }
    return out;
}

core::Result<std::vector<std::int16_t>> decodeEarconWav(const std::string& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    auto header = parseWavHeader(std::span<const unsigned char>(data, bytes.size()));
    if (!header) return core::fail(header.error());
    if (!header.value()) return core::fail("the WAV header is incomplete");
    const WavFormat& f = *header.value();
    if (f.channels != 1 || f.bitsPerSample != 16 || f.sampleRate != EarconPlayer::kRate) {
        return core::fail("expected 16-bit mono at " + std::to_string(EarconPlayer::kRate) + " Hz");
    }
    std::size_t n = bytes.size() - f.headerBytes;
    if (f.dataBytes) n = std::min<std::size_t>(n, *f.dataBytes);
    std::vector<std::int16_t> samples(n / 2);
    std::memcpy(samples.data(), data + f.headerBytes, samples.size() * 2);  // little-endian, as on the kiosk's CPUs
    return samples;
}

EarconPlayer::EarconPlayer(const core::AssetSet& assets) {
    for (int i = 0; i < 4; ++i) {
        const auto e = static_cast<ui::Earcon>(i);
        Sound& s = sounds_[static_cast<std::size_t>(i)];
        if (!assets.empty()) {
            if (auto bytes = core::readVerifiedAsset(assets, assetFor(e))) {  // refusals are logged there
                if (auto pcm = decodeEarconWav(bytes.value())) {
                    s.samples = std::move(pcm.value());
                    s.fromAsset = true;
                } else {
                    core::log::warning(std::string("earcon ") + assetFor(e) + ": " + pcm.error() +
                                       "; using the built-in tone");
                }
            }
        }
        if (!s.fromAsset) s.samples = builtInEarcon(e);
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        core::log::warning(std::string("earcons: no audio (") + SDL_GetError() + ")");
        return;
    }
    sdlAudioStarted_ = true;
    SDL_AudioSpec want{};
    want.freq = kRate;
    want.format = AUDIO_S16LSB;
    want.channels = 1;
    want.samples = 512;
    SDL_AudioSpec have{};
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device_ == 0) {
        core::log::warning(std::string("earcons: no audio device (") + SDL_GetError() + ")");
        return;
    }
    SDL_PauseAudioDevice(device_, 0);
}

EarconPlayer::~EarconPlayer() {
    if (device_) SDL_CloseAudioDevice(device_);
    if (sdlAudioStarted_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void EarconPlayer::play(ui::Earcon earcon) {
    if (!device_) return;
    const Sound& s = sounds_[static_cast<std::size_t>(earcon)];
    SDL_ClearQueuedAudio(device_);  // a new earcon cuts the previous one short
    SDL_QueueAudio(device_, s.samples.data(), static_cast<Uint32>(s.samples.size() * sizeof(std::int16_t)));
}

}  // namespace kiosk::platform
