// Every fixed text of the interface, in French and English, in one table, so that the
// font test can check that each one is drawable and translators find them in one place.
#pragma once

#include <string>
#include <vector>

#include "core/localized_text.hpp"
#include "core/model.hpp"

namespace kiosk::ui {

enum class Str {
    TouchToStart,
    TouchToStartOther,  // the call to action in the other language, shown small
    Programme,
    NowOn,
    ComingNext,
    NothingNow,
    NothingToday,
    Cancelled,
    Changed,
    Ended,
    Registration,
    RegistrationRequired,
    Places,
    Welcome,
    From,
    To,
    DaysToGo,
    StartsTomorrow,
    EventOver,
    NextEdition,
    LanguageButton,  // the label of the button that switches to the other language
    Accessibility,
    Loading,
    ContentLoading,
    NoContent,
    PreviousDay,
    NextDay,
    Home,
    Back,
    Maps,
    Showroom,
    PracticalInfo,
    ProgrammeHint,
    MapsHint,
    ShowroomHint,
    PracticalHint,
    NowTab,
    Filters,
    FilterType,
    FilterPlace,
    FilterAudience,
    FilterAccess,
    ClearFilters,
    ShowEnded,
    HideEnded,
    ShowOnMap,
    Speakers,
    AccessFeatures,
    FreeEntry,
    ScanToRegister,
    ScanForInfo,
    YouAreHere,
    PlacesInGroup,  // "3 places" on a grouped marker (always 2 or more)
    ChooseAPlace,   // the heading of a grouped marker's list
    CloseList,
    HoursToGo,
    OpensIn,
    ZoomIn,
    ZoomOut,
    ResetView,
    Territory,
    FloorPlan,
    WhatsOnHere,
    NothingHere,
    Partner,
    Stand,
    PreviousImage,
    NextImage,
    StillThere,
    Continue,
    ReturningIn,
    Address,
    OpeningHours,
    GettingThere,
    SessionLanguage,
    ResultsCount,
    NoResults,
    ImageLoading,
    ImageUnavailable,
    AnnouncementsTitle,
    FeaturedDemos,
    TodayOnMap,
    Countdown,
    SpeechOn,
    Repeat,
    Pause,
    Resume,
    VolumeDown,
    VolumeUp,
    Yes,
    No,
    A11yTitle,
    A11yIntro,
    LargerText,
    LargerTextHelp,
    HighContrast,
    HighContrastHelp,
    ContrastOff,
    ContrastDarkOnLight,
    ContrastLightOnDark,
    ReducedMotion,
    ReducedMotionHelp,
    SpeechToggle,
    SpeechHelp,
    Seated,
    SeatedHelp,
    EasyRead,
    EasyReadHelp,
    PauseLoop,
    PauseLoopHelp,
    ResetAll,
    EasyReadBox,
    Done,
    ProgrammeAsOf,
    RunningNow,      // the badge of a session under way
    LabelSeparator,  // between a label and its value: " : " (narrow no-break space) in French, ": " in English
    // Staff mode (issue 12, docs/staff-mode.md)
    StaffTitle,
    StaffPinPrompt,
    StaffPinWrong,
    StaffPinWait,
    StaffPinChecking,
    StaffPinNotSet,
    StaffCancel,
    StaffErase,
    StaffOk,
    StaffPanelTitle,
    StaffKiosk,
    StaffGroups,
    StaffContent,
    StaffSignature,
    StaffTrustedTime,
    StaffLastSync,
    StaffLastError,
    StaffCrashGuard,
    StaffFeed,
    StaffNetwork,
    StaffDisk,
    StaffUptime,
    StaffSoftware,
    StaffSyncNow,
    StaffRollback,
    StaffReload,
    StaffRestart,
    StaffPreview,
    StaffExit,
    StaffClose,
    StaffNone,
    StaffNever,
    StaffSyncing,
    StaffSyncDone,
    StaffSyncFailed,
    StaffNoFeed,
    StaffRollbackDone,
    StaffRollbackFailed,
    StaffReloaded,
    StaffReachable,
    StaffUnreachable,
    StaffUnknown,
    StaffPreviewBack,
    StaffTimeoutNote,
    StaffWorking,
    StaffPinGlyphs,  // never shown: puts the PIN's dot and dash in the font atlas
    Online,          // a session followed online, in place of (or beside) its place
    Count
};

const char* tr(Str id, core::Lang lang);
const char* sessionTypeLabel(core::SessionType type, core::Lang lang);
const char* accessLabel(core::AccessFeature f, core::Lang lang);
const char* audienceLabel(core::AudienceFlag a, core::Lang lang);

// A label ready for its value: "Partenaire : " (U+202F before the colon), "Partner: ".
std::string labelled(Str id, core::Lang lang);
// The showroom's name: the feed's (event.json labels.showroom) when it sets one.
std::string showroomLabel(const core::Content& c, core::Lang lang);

// All fixed UI strings in both languages (for the glyph coverage test and the atlas).
std::vector<std::string> allUiStrings();

}  // namespace kiosk::ui
