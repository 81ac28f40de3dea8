# Writes generated/version.h with the version and `git describe` of the source tree, at every build
# (not only at configure time, so a binary never reports an older commit), and touches the file only
# when the text changes, so an unchanged version recompiles nothing.
# Inputs: SOURCE_DIR, OUTPUT, PROJECT_VERSION, TEMPLATE.
execute_process(COMMAND git describe --always --dirty --tags
                WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE git OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(git)
  set(CASPIAN_VERSION_STRING "${PROJECT_VERSION}+${git}")
else()
  set(CASPIAN_VERSION_STRING "${PROJECT_VERSION}")
endif()
configure_file(${TEMPLATE} ${OUTPUT}.new @ONLY)
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.new ${OUTPUT})
file(REMOVE ${OUTPUT}.new)
