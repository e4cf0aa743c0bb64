# The .deb (CPack's DEB generator; scripts/package.sh builds it with the /usr prefix):
# Debian's changelog and copyright files, maintainer scripts creating the kiosk user,
# the configuration as a conffile, library dependencies from dpkg-shlibdeps.
set(KIOSK_DEB_DIR ${KIOSK_SOURCE_DIR}/config/debian)

# /usr/share/doc/kiosk/{copyright,changelog.Debian.gz}, which every Debian package has.
string(TIMESTAMP KIOSK_BUILD_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.Debian
  "kiosk (${PROJECT_VERSION}-1) bookworm; urgency=medium\n\n"
  "  * Release ${PROJECT_VERSION}, built from the project's CMake tree.\n\n"
  " -- Kiosk Team <kiosk-team@example.invalid>  ${KIOSK_BUILD_DATE}\n")
execute_process(COMMAND gzip -9nf ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.Debian)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/deb/changelog.Debian.gz ${KIOSK_DEB_DIR}/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/deb/conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/kiosk/kiosk.jsonc\n")
foreach(script postinst postrm)
  file(COPY ${KIOSK_DEB_DIR}/${script} DESTINATION ${CMAKE_CURRENT_BINARY_DIR}/deb
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)  # Debian revision: not a native package
set(CPACK_PACKAGE_CONTACT "Kiosk Team <kiosk-team@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "interactive kiosk for event venues")
# CPack puts the summary first; this is the extended description, lines under 80.
set(CPACK_PACKAGE_DESCRIPTION "A full-screen touch kiosk (SDL2 and Dear ImGui) that loops through an
 event's programme and lets visitors browse it in French or English. It syncs
 a content feed published by staff with kiosk-feed, verifies every file and
 works offline. It runs as a systemd service with a watchdog and reports its
 health through Prometheus textfile metrics and an optional heartbeat.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# udev: the unit's SupplementaryGroups render and input are udev's (without them systemd
# refuses to start it, 216/GROUP), and it gives SDL the input devices and the GPU.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, fontconfig, fonts-dejavu-core, tzdata, udev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, espeak-ng")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_BINARY_DIR}/deb/conffiles ${CMAKE_CURRENT_BINARY_DIR}/deb/postinst ${CMAKE_CURRENT_BINARY_DIR}/deb/postrm)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
include(CPack)
