# Writes a C++ source holding files as raw string literals, so the server needs nothing but
# its binary at run time. Called at configure time; the globs re-run on every build.
function(ov_embed_migrations out_file backend dir)
  file(GLOB files CONFIGURE_DEPENDS "${dir}/*.sql")
  list(SORT files)
  set(body "")
  foreach(f ${files})
    get_filename_component(name "${f}" NAME)
    string(REGEX MATCH "^[0-9]+" version "${name}")
    math(EXPR version "${version}")
    file(READ "${f}" content)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${f}")
    string(APPEND body "  {${version}, \"${name}\", R\"ovsql(${content})ovsql\"},\n")
  endforeach()
  file(WRITE "${out_file}.tmp"
"// Generated from migrations/${backend}/ by cmake/embed.cmake; do not edit.
#include \"storage/migrations.hpp\"

namespace ov::storage {
namespace {
constexpr Migration kMigrations[] = {
${body}};
}  // namespace
std::span<const Migration> ${backend}_migrations() { return kMigrations; }
}  // namespace ov::storage
")
  # COPYONLY rewrites only when the text changed, so unchanged files cause no rebuild.
  configure_file("${out_file}.tmp" "${out_file}" COPYONLY)
endfunction()

function(ov_embed_text out_file symbol path)
  file(READ "${path}" content)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${path}")
  file(WRITE "${out_file}.tmp"
"// Generated from ${path} by cmake/embed.cmake; do not edit.
#include <string_view>
namespace ov::embedded {
extern const std::string_view ${symbol};
const std::string_view ${symbol} = R\"ovtxt(${content})ovtxt\";
}  // namespace ov::embedded
")
  # COPYONLY rewrites only when the text changed, so unchanged files cause no rebuild.
  configure_file("${out_file}.tmp" "${out_file}" COPYONLY)
endfunction()
