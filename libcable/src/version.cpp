#include "cable/version.hpp"

namespace cable {

const char* version() noexcept { return CABLE_VERSION_STRING; }

}  // namespace cable
