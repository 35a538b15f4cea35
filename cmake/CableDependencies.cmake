# The dependencies that come with no CMake package of their own, as imported
# targets found through pkg-config: Cable::Xapian (Xapian 1.4's own package
# config defines no target), Cable::Gumbo, Cable::XXHash and Cable::Zstd.
# The build uses this file, and the installed CMake package includes it, so
# that consumers of a static libcable link the same libraries by the same
# names.
# Set CABLE_DEPENDENCIES_REQUIRED to fail when one is missing.
find_package(PkgConfig REQUIRED)
foreach(dep IN ITEMS "Xapian|xapian-core>=1.4" "Gumbo|gumbo" "XXHash|libxxhash"
        "Zstd|libzstd")
  string(REPLACE "|" ";" dep "${dep}")
  list(GET dep 0 name)
  list(GET dep 1 module)
  if(TARGET Cable::${name})
    continue()
  endif()
  if(CABLE_DEPENDENCIES_REQUIRED)
    pkg_check_modules(CABLE_${name} REQUIRED IMPORTED_TARGET GLOBAL ${module})
  else()
    pkg_check_modules(CABLE_${name} QUIET IMPORTED_TARGET GLOBAL ${module})
  endif()
  if(TARGET PkgConfig::CABLE_${name})
    add_library(Cable::${name} INTERFACE IMPORTED GLOBAL)
    target_link_libraries(Cable::${name} INTERFACE PkgConfig::CABLE_${name})
  endif()
endforeach()
