# embed_files(OUTPUT_CPP NAMESPACE ns FUNCTION fn FILES f1 f2 ...)
#
# Generates a C++ source that defines
#   std::span<const presswatch::EmbeddedFile> ns::fn();
# holding the bytes of each file, named by its path relative to BASE_DIR.
# Used to compile the default configuration and the demo site into the
# binary, so that `presswatch` works from any folder.
function(embed_files)
  cmake_parse_arguments(E "" "OUTPUT;NAMESPACE;FUNCTION;BASE_DIR" "FILES" ${ARGN})
  set(script ${PRESSWATCH_ROOT}/cmake/EmbedRun.cmake)
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND}
      -DOUTPUT=${E_OUTPUT} -DNAMESPACE=${E_NAMESPACE} -DFUNCTION=${E_FUNCTION}
      -DBASE_DIR=${E_BASE_DIR} "-DFILES=${E_FILES}"
      -P ${script}
    DEPENDS ${E_FILES} ${script}
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
endfunction()
