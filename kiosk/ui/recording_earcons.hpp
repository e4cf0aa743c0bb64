// An EarconOutput that plays nothing and records each earcon, in order, for UI tests.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "ui/earcons.hpp"

namespace kiosk::ui {

class RecordingEarcons final : public EarconOutput {
public:
    void play(Earcon earcon) override { played_.push_back(earcon); }
    const std::vector<Earcon>& played() const { return played_; }
    std::size_t count(Earcon e) const {
        return static_cast<std::size_t>(std::count(played_.begin(), played_.end(), e));
    }
    void clear() { played_.clear(); }

private:
    std::vector<Earcon> played_;
};

}  // namespace kiosk::ui
