// JSON output driven by an entity's field table (core/fields.hpp): every property in table
// order, a missing value as null and an empty list as [] (ENDPOINTS.md §1.4 output rules).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "api/envelope.hpp"
#include "api/routes.hpp"
#include "core/fields.hpp"
#include "core/time.hpp"

namespace ov::api {

// What values need beyond the record itself to be written.
struct OutContext {
  const core::TimeZone* zone = nullptr;  // dates are shown in the company's zone
  std::string_view base_url;             // absolute links (attachment urls)
};

// Shortest form (§1.4 output rule 3): 100 rather than 100.0.
inline void write_opt_number(JsonWriter& w, const std::optional<double>& v) {
  if (!v) {
    w.Null();
  } else if (std::trunc(*v) == *v && std::fabs(*v) < 1e15) {
    w.Int64(static_cast<std::int64_t>(*v));
  } else {
    w.Double(*v);
  }
}

// An exact decimal as a JSON number in its shortest form, never through a double.
inline void write_decimal(JsonWriter& w, const core::Decimal& d) {
  const std::string text = d.to_json_number();
  w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
}

inline void write_strings(JsonWriter& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) write_string(w, s);
  w.EndArray();
}

inline void write_ids(JsonWriter& w, const std::vector<std::int64_t>& list) {
  w.StartArray();
  for (auto id : list) w.Int64(id);
  w.EndArray();
}

namespace detail {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

inline void write_datetime(JsonWriter& w, core::UnixSeconds t, const OutContext& ctx) {
  core::DateTimeText text;
  write_string(w, core::format_datetime(t, *ctx.zone, text));
}

}  // namespace detail

// The properties of `r` (without the surrounding braces), in table order.
template <class R>
void write_fields(JsonWriter& w, const R& r, core::Fields<R> fields, const OutContext& ctx) {
  using core::FieldKind;
  for (const auto& f : fields) {
    if (f.json.empty()) continue;
    write_key(w, f.json);
    if (f.custom) {
      f.custom(&w, r, &ctx);
      continue;
    }
    std::visit(
        detail::Overloaded{
            [&](std::monostate) { w.Null(); },
            [&](std::int64_t R::*m) {
              if (f.kind == FieldKind::kDateTime) {
                detail::write_datetime(w, r.*m, ctx);
              } else if (f.kind == FieldKind::kDateTimeMs) {
                detail::write_datetime(w, r.*m / 1000, ctx);
              } else {
                w.Int64(r.*m);
              }
            },
            [&](std::optional<std::int64_t> R::*m) {
              if (!(r.*m)) {
                w.Null();
              } else if (f.kind == FieldKind::kDateTime) {
                detail::write_datetime(w, *(r.*m), ctx);
              } else if (f.kind == FieldKind::kDateTimeMs) {
                detail::write_datetime(w, *(r.*m) / 1000, ctx);
              } else {
                w.Int64(*(r.*m));
              }
            },
            [&](int R::*m) { w.Int(r.*m); },
            [&](bool R::*m) { w.Bool(r.*m); },
            [&](std::optional<bool> R::*m) {
              if (r.*m) {
                w.Bool(*(r.*m));
              } else {
                w.Null();
              }
            },
            [&](std::string R::*m) {
              if (f.kind == FieldKind::kRawJson) {
                const auto& text = r.*m;
                w.RawValue(text.data(), text.size(),
                           text.starts_with('[') ? rapidjson::kArrayType : rapidjson::kObjectType);
              } else {
                write_string(w, r.*m);
              }
            },
            [&](std::optional<std::string> R::*m) { write_opt_string(w, r.*m); },
            [&](std::optional<double> R::*m) { write_opt_number(w, r.*m); },
            [&](std::vector<std::string> R::*m) { write_strings(w, r.*m); },
            [&](std::vector<std::int64_t> R::*m) { write_ids(w, r.*m); },
            [&](core::Decimal R::*m) {
              if (f.kind == FieldKind::kDecimalText) {
                write_string(w, (r.*m).to_string());
              } else {
                write_decimal(w, r.*m);
              }
            },
            [&](std::optional<core::Decimal> R::*m) {
              if (!(r.*m)) {
                w.Null();
              } else if (f.kind == FieldKind::kDecimalText) {
                write_string(w, (r.*m)->to_string());
              } else {
                write_decimal(w, *(r.*m));
              }
            },
            [&](bool (R::*m)() const) { w.Bool((r.*m)()); },
            [&](std::optional<std::string> (R::*m)() const) { write_opt_string(w, (r.*m)()); },
        },
        f.member);
  }
}

template <class R>
void write_object(JsonWriter& w, const R& r, core::Fields<R> fields, const OutContext& ctx) {
  w.StartObject();
  write_fields(w, r, fields, ctx);
  w.EndObject();
}

template <class R>
void write_array(JsonWriter& w, const std::vector<R>& list, core::Fields<R> fields,
                 const OutContext& ctx) {
  w.StartArray();
  for (const auto& r : list) write_object(w, r, fields, ctx);
  w.EndArray();
}

// A handler's reply holding one object.
template <class R>
Reply object_reply(const R& r, core::Fields<R> fields, const OutContext& ctx) {
  return payload([&](JsonWriter& w) { write_object(w, r, fields, ctx); });
}
// A handler's reply holding a list and its total before paging (X-Total-Count).
template <class R>
Reply list_reply(const std::vector<R>& list, std::int64_t total, core::Fields<R> fields,
                 const OutContext& ctx) {
  return list_payload(total, [&](JsonWriter& w) { write_array(w, list, fields, ctx); });
}
template <class R>
Reply list_reply(const std::vector<R>& list, core::Fields<R> fields, const OutContext& ctx) {
  return list_reply(list, static_cast<std::int64_t>(list.size()), fields, ctx);
}

// --- Custom fields ------------------------------------------------------------------------
// Typed JSON writers turned into the CustomJson<R> a field table holds.

// `Fn(JsonWriter&, const R&, const OutContext&)` as a field's writer.
template <class R, auto Fn>
void custom_writer(void* out, const R& r, const void* ctx) {
  Fn(*static_cast<JsonWriter*>(out), r, *static_cast<const OutContext*>(ctx));
}

// A list member of child records, each written with the child's own field table: the way an
// object of one section nests in another's (addresses in a customer, lines in a document).
template <class R, auto Member, const auto& ChildFields>
void nested_list(void* out, const R& r, const void* ctx) {
  auto& w = *static_cast<JsonWriter*>(out);
  using Child = typename std::remove_cvref_t<decltype(r.*Member)>::value_type;
  write_array(w, r.*Member, core::Fields<Child>(ChildFields), *static_cast<const OutContext*>(ctx));
}
// An optional child record, or null.
template <class R, auto Member, const auto& ChildFields>
void nested_object(void* out, const R& r, const void* ctx) {
  auto& w = *static_cast<JsonWriter*>(out);
  const auto& child = r.*Member;
  if (!child) {
    w.Null();
    return;
  }
  using Child = typename std::remove_cvref_t<decltype(child)>::value_type;
  write_object(w, *child, core::Fields<Child>(ChildFields), *static_cast<const OutContext*>(ctx));
}

// The `error` of a per-item result (§4.8.11, also Reject SaleOrder): null when the item
// succeeded, else {"code":"4001","message":…}.
inline void write_item_error(JsonWriter& w, const std::string& error) {
  if (error.empty()) {
    w.Null();
    return;
  }
  w.StartObject();
  write_key(w, "code");
  write_string(w, "4001");
  write_key(w, "message");
  write_string(w, error);
  w.EndObject();
}
template <class R>
void write_result_error(JsonWriter& w, const R& r, const OutContext&) {
  write_item_error(w, r.error);
}

// The properties of `r` in table order except those named in `skip` (a view that shows some
// fields first, then the rest of the object).
template <class R>
void write_fields_except(JsonWriter& w, const R& r, core::Fields<R> fields,
                         std::span<const std::string_view> skip, const OutContext& ctx) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (std::find(skip.begin(), skip.end(), fields[i].json) != skip.end()) continue;
    write_fields(w, r, fields.subspan(i, 1), ctx);
  }
}

// Constants the contract fixes for every record of an entity.
template <class R>
void null_value(void* out, const R&, const void*) {
  static_cast<JsonWriter*>(out)->Null();
}
template <class R, bool B>
void bool_value(void* out, const R&, const void*) {
  static_cast<JsonWriter*>(out)->Bool(B);
}
template <class R, int N>
void int_value(void* out, const R&, const void*) {
  static_cast<JsonWriter*>(out)->Int(N);
}

}  // namespace ov::api
