// Earcons through SDL audio: the WAV files of assets/sounds, each verified against the
// assets manifest when the player starts; one that is missing or altered is replaced by a
// tone synthesised here (a log line says which), so the keypad is never silent.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/assets.hpp"
#include "ui/earcons.hpp"

namespace kiosk::platform {

class EarconPlayer final : public ui::EarconOutput {
public:
    static constexpr int kRate = 22050;  // Hz, mono, 16-bit: what make_assets.py writes

    // Loads and checks the sounds, then opens an audio device of its own (SDL mixes it
    // with the speech device). Without audio it stays silent. Main thread.
    explicit EarconPlayer(const core::AssetSet& assets);
    ~EarconPlayer() override;
    EarconPlayer(const EarconPlayer&) = delete;
    EarconPlayer& operator=(const EarconPlayer&) = delete;

    void play(ui::Earcon earcon) override;

    // For tests: the samples an earcon plays, and whether they came from the asset.
    const std::vector<std::int16_t>& samples(ui::Earcon e) const { return sounds_[static_cast<int>(e)].samples; }
    bool fromAsset(ui::Earcon e) const { return sounds_[static_cast<int>(e)].fromAsset; }

private:
    struct Sound {
        std::vector<std::int16_t> samples;
        bool fromAsset = false;
    };
    std::array<Sound, 4> sounds_;
    std::uint32_t device_ = 0;
    bool sdlAudioStarted_ = false;
};

// The built-in tone for an earcon (the same shapes as scripts/make_assets.py).
std::vector<std::int16_t> builtInEarcon(ui::Earcon earcon, int rate = EarconPlayer::kRate);
// The PCM samples of a verified WAV asset: 16-bit mono at kRate only (what the player
// queues without conversion); error otherwise.
core::Result<std::vector<std::int16_t>> decodeEarconWav(const std::string& bytes);

}  // namespace kiosk::platform
