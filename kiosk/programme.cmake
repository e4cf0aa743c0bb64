# Programme truth and wording (issue 10, points 2 and 6): how times, counts, dates and
# changes are said to visitors.
target_sources(kiosk_core PRIVATE core/wording.cpp)
