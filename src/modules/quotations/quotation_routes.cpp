#include "modules/quotations/quotation_routes.hpp"

// g++ 12 misreads Asio's recycling allocator for some coroutine frames of this file (operator
// new in thread_info_base, its own operator delete) as a mismatched pair, as it does for every
// file under the sanitizers (CMakeLists.txt); the pairing is correct.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace ov::quotations {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kTextChars;

// Create Update Quotation (§4.10.1).
QuotationInput parse_quotation(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  QuotationInput in;
  documents::read_document(r, kNames, zone, in.doc);
  auto valid_until = r.date("quotationValidUntil", Need::kRequired, zone);
  auto status = r.integer("quotationStatus", Need::kRequired, kDraft, kCancelled);
  in.quotation_no = api::filter_text(r.string("quotationNo", Need::kOptional, kCodeChars));
  in.doc.reference_no.value = api::filter_text(in.doc.reference_no);
  in.quotation_note = r.string("quotationNote", Need::kOptional, kTextChars);
  in.contact_name = r.string("contactName", Need::kOptional, api::kNameChars);
  r.check();
  in.valid_until = *valid_until.value;
  in.status = static_cast<int>(*status.value);
  return in;
}

// Quotation Enquiry (§4.10.3).
EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  EnquiryInput in;
  in.quotation_no = api::filter_text(r.string("quotationNo", Need::kOptional, kCodeChars));
  auto status = r.integer("quotationStatus", Need::kOptional, kDraft, kCancelled);
  in.staff_code = api::filter_text(r.string("staffCode", Need::kOptional, kCodeChars));
  in.customer_code = api::filter_text(r.string("customerCode", Need::kOptional, kCodeChars));
  // The whole local day of the date given (§1.6).
  auto day = r.datetime("quotationDate", Need::kOptional, zone);
  const auto page = api::read_page(r, {.take = "take", .need = Need::kRequired});
  r.check();
  if (status) in.status = static_cast<int>(*status);
  if (day) {
    // A date, or the day of a date-time: the quotations dated that local day.
    in.day_start = core::local_midnight(*day, zone);
  }
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

std::string quotation_no(const http::Request& req) {
  return api::path_code(req, 0, kCodeChars, "Quotation numbers", "quotation");
}

api::Reply quotation_reply(const QuotationRecord& q, const http::Request& req) {
  return api::object_reply(q, core::Fields<QuotationRecord>(kQuotationFields), {req.zone});
}

}  // namespace

void register_routes(api::Routes& routes, QuotationService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v2/quotation",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_quotation(req);
                auto q = co_await service.upsert(api::caller_of(req), std::move(in));
                co_return quotation_reply(q, req);
              });

  section.add(verb::post, "/v1/quotation/{quotationNo}/convert-to-salesorder",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = quotation_no(req);
                auto doc = api::parse_json_object(req.body());
                ObjectReader r(doc);
                // PascalCase in the docs; names compare case-insensitively (§1.3).
                auto body_no = r.string("QuotationNo", Need::kRequired, kCodeChars);
                if (body_no && !core::iequals(*body_no.value, no)) {
                  r.problem("QuotationNo",
                            "QuotationNo must be the quotation number of the path (" + no + ")");
                }
                r.check();
                auto c = co_await service.convert(api::caller_of(req), std::move(no));
                co_return api::object_reply(c, core::Fields<Conversion>(kConversionFields),
                                            {req.zone});
              });

  section.add(verb::post, "/v1/quotation/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                auto page = co_await service.enquiry(api::caller_of(req), std::move(in));
                co_return api::list_reply(page.items, page.total,
                                          core::Fields<QuotationRecord>(kQuotationFields),
                                          {req.zone});
              });

  section.add(verb::get, "/v1/quotation/{quotationNo}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = quotation_no(req);
                auto q = co_await service.get(api::caller_of(req), std::move(no));
                co_return quotation_reply(q, req);
              });

  section.add(verb::post, "/v1/quotation/{quotationNo}/cancel",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = quotation_no(req);
                std::optional<std::string> reason;
                // The body is optional: {"reason": string|null}.
                if (auto doc = api::parse_optional_json_object(req.body())) {
                  ObjectReader r(*doc);
                  reason = api::filter_text(r.string("reason", Need::kOptional, kTextChars));
                  r.check();
                }
                auto q =
                    co_await service.cancel(api::caller_of(req), std::move(no), std::move(reason));
                co_return quotation_reply(q, req);
              });
}

}  // namespace ov::quotations
