// The recording speech sink that UI tests use in place of espeak-ng: it must record what
// the UI asked for and follow the SpeechOutput contract (speaking until stop, volume clamp).
#include <catch2/catch.hpp>

#include "ui/recording_speech.hpp"

using kiosk::ui::RecordingSpeech;

TEST_CASE("recording speech records texts with their language and speaks until stopped", "[recording]") {
    RecordingSpeech s;
    CHECK(s.available());
    CHECK_FALSE(s.speaking());
    s.speak("Bienvenue", "fr");
    s.speak("Welcome", "en");
    CHECK(s.speaking());
    REQUIRE(s.spoken().size() == 2);
    CHECK(s.spoken()[0] == RecordingSpeech::Utterance{"Bienvenue", "fr"});
    CHECK(s.lastSpoken() == RecordingSpeech::Utterance{"Welcome", "en"});
    s.stop();
    CHECK_FALSE(s.speaking());
    CHECK(s.stopCount() == 1);
    REQUIRE(s.calls().size() == 3);
    CHECK(s.calls()[2].kind == RecordingSpeech::Kind::Stop);
}

TEST_CASE("recording speech: pause, resume, repeat and volume", "[recording]") {
    RecordingSpeech s;
    s.repeat();  // nothing said yet: recorded, but says nothing
    CHECK(s.spoken().empty());
    CHECK_FALSE(s.speaking());
    s.speak("Salle 2", "fr");
    s.pause();
    CHECK_FALSE(s.speaking());
    CHECK(s.paused());
    s.resume();
    CHECK(s.speaking());
    s.clearRecord();
    s.repeat();
    CHECK(s.lastSpoken() == RecordingSpeech::Utterance{"Salle 2", "fr"});
    CHECK(s.count(RecordingSpeech::Kind::Repeat) == 1);
    CHECK(s.volume() == RecordingSpeech::kDefaultVolume);
    s.setVolume(0);
    CHECK(s.volume() == 1);
    s.setVolume(99);
    CHECK(s.volume() == RecordingSpeech::kVolumeSteps);
    CHECK(s.calls().back().volume == RecordingSpeech::kVolumeSteps);
}

TEST_CASE("an unavailable recording speech records but never speaks", "[recording]") {
    RecordingSpeech s(false);
    s.speak("Bonjour", "fr");
    CHECK_FALSE(s.available());
    CHECK_FALSE(s.speaking());
    CHECK(s.spoken().size() == 1);
    CHECK(s.engineDescription() == "no speech engine: install espeak-ng");
}
