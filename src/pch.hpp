// Precompiled header: the heavy header-only libraries every part of the server uses.
#pragma once
#include <utility>  // Boost 1.74's awaitable header forgets it.

#include <rapidjson/document.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>
