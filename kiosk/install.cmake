# Installing like a Debian program (issue 13): GNUInstallDirs layout, the default config
# and content paths compiled into the kiosk, fonts through fontconfig, man pages generated
# from --help, the systemd unit and its user, and the .deb (CPack, scripts/package.sh).
include(GNUInstallDirs)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)

set(KIOSK_SYSTEMD_UNIT_DIR "/lib/systemd/system" CACHE PATH "Where the systemd unit is installed (Debian 12: /lib/systemd/system)")

# Installed paths, and the same paths relative to the installed executable so that a
# kiosk extracted under another root finds that root's files (app/install_paths.cpp).
set(KIOSK_INSTALL_CONFIG_FILE "${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk/kiosk.jsonc")
set(KIOSK_INSTALL_CONTENT_DIR "${CMAKE_INSTALL_FULL_DATADIR}/kiosk/content")
file(RELATIVE_PATH KIOSK_CONFIG_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}" "${KIOSK_INSTALL_CONFIG_FILE}")
file(RELATIVE_PATH KIOSK_CONTENT_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}" "${KIOSK_INSTALL_CONTENT_DIR}")
target_sources(kiosk_app PRIVATE app/install_paths.cpp app/font_lookup.cpp)
target_link_libraries(kiosk_app PRIVATE PkgConfig::FONTCONFIG)
set_source_files_properties(app/install_paths.cpp PROPERTIES COMPILE_DEFINITIONS
  "KIOSK_INSTALL_CONFIG_FILE=\"${KIOSK_INSTALL_CONFIG_FILE}\";KIOSK_INSTALL_CONTENT_DIR=\"${KIOSK_INSTALL_CONTENT_DIR}\";KIOSK_CONFIG_FROM_BIN=\"${KIOSK_CONFIG_FROM_BIN}\";KIOSK_CONTENT_FROM_BIN=\"${KIOSK_CONTENT_FROM_BIN}\";KIOSK_BUILD_BIN_DIR=\"${CMAKE_CURRENT_BINARY_DIR}\";KIOSK_SOURCE_CONFIG_FILE=\"${KIOSK_SOURCE_DIR}/config/kiosk.jsonc\";KIOSK_SOURCE_CONTENT_DIR=\"${KIOSK_SOURCE_DIR}/content\"")

install(TARGETS kiosk kiosk-feed RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${KIOSK_SOURCE_DIR}/config/systemd/kiosk-session DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${KIOSK_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/content)
# The kiosk's own artwork and sounds (scripts/make_assets.py), found beside content/.
install(DIRECTORY ${KIOSK_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/assets)

# The installed configuration is the reference one without the source tree's
# "content_dir": "../content", so the installed bundled event is shown.
file(READ ${KIOSK_SOURCE_DIR}/config/kiosk.jsonc KIOSK_CONFIG_TEXT)
string(REPLACE "\"content_dir\": \"../content\"" "\"content_dir\": \"\"" KIOSK_CONFIG_TEXT "${KIOSK_CONFIG_TEXT}")
string(REPLACE "relative to this file's folder." "relative to this file's folder. Empty: ${KIOSK_INSTALL_CONTENT_DIR}."
  KIOSK_CONFIG_TEXT "${KIOSK_CONFIG_TEXT}")
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/installed/kiosk.jsonc CONTENT "${KIOSK_CONFIG_TEXT}")
# 0640: the file holds the staff PIN's hash and the upload tokens once filled in (issue 21);
# the package's postinst gives it to the kiosk group, as does a root `cmake --install`.
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/installed/kiosk.jsonc DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk
  PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(CODE "
  set(conf \"\$ENV{DESTDIR}${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk/kiosk.jsonc\")
  execute_process(COMMAND getent group kiosk RESULT_VARIABLE no_group OUTPUT_QUIET)
  if(NOT no_group AND \"\$ENV{DESTDIR}\" STREQUAL \"\")
    execute_process(COMMAND chgrp kiosk \"\${conf}\" RESULT_VARIABLE chgrp_failed ERROR_QUIET)
    if(chgrp_failed)
      message(WARNING \"\${conf}: chgrp kiosk failed (not root?): the kiosk user cannot read it\")
    endif()
  endif()")
install(FILES ${KIOSK_SOURCE_DIR}/config/totem-55.jsonc ${KIOSK_SOURCE_DIR}/config/tablet-10.jsonc
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The systemd unit (config/systemd/kiosk.service.in) and the user it runs as.
configure_file(${KIOSK_SOURCE_DIR}/config/systemd/kiosk.service.in ${CMAKE_CURRENT_BINARY_DIR}/installed/kiosk.service @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/installed/kiosk.service DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})

# Man pages from the programs' --help (help2man), compressed as Debian wants them.
find_program(KIOSK_HELP2MAN help2man)
find_program(KIOSK_GZIP gzip)
if(KIOSK_HELP2MAN AND KIOSK_GZIP)
  set(KIOSK_SESSION_SCRIPT ${KIOSK_SOURCE_DIR}/config/systemd/kiosk-session)
  foreach(prog kiosk kiosk-feed kiosk-session)
    if(prog STREQUAL "kiosk")
      set(desc "interactive kiosk for event venues")
      set(exe $<TARGET_FILE:kiosk>)
    elseif(prog STREQUAL "kiosk-feed")
      set(desc "check and build an event kiosk's content feed")
      set(exe $<TARGET_FILE:kiosk-feed>)
    else()
      set(desc "start the event kiosk on the screen, for its systemd unit")
      set(exe ${KIOSK_SESSION_SCRIPT})
    endif()
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/man/${prog}.1.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
      COMMAND ${CMAKE_COMMAND} -E env KIOSK_PATHS_INSTALLED=1 SDL_VIDEODRIVER=dummy
              ${KIOSK_HELP2MAN} --no-info --section=1 --name=${desc} --version-string=${PROJECT_VERSION}
              --output=${CMAKE_CURRENT_BINARY_DIR}/man/${prog}.1 ${exe}
      COMMAND ${KIOSK_GZIP} -9nf ${CMAKE_CURRENT_BINARY_DIR}/man/${prog}.1
      DEPENDS kiosk kiosk-feed ${KIOSK_SESSION_SCRIPT} VERBATIM)
    list(APPEND KIOSK_MAN_PAGES ${CMAKE_CURRENT_BINARY_DIR}/man/${prog}.1.gz)
  endforeach()
  add_custom_target(kiosk_man_pages ALL DEPENDS ${KIOSK_MAN_PAGES})
  install(FILES ${KIOSK_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man or gzip not found: no man pages (apt-get install help2man)")
endif()

include(${CMAKE_CURRENT_SOURCE_DIR}/packaging.cmake)
