#include "modules/customers/customer_service.hpp"

#include <algorithm>
#include <array>

#include "api/json_input.hpp"
#include "api/update.hpp"
#include "core/error.hpp"
#include "modules/customers/customer_repository.hpp"
#include "modules/refs.hpp"
#include "storage/limited_read.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::customers {

std::optional<int> state_of_legacy_type(std::int64_t code) {
  switch (code) {
    case kLegacyLead:
      return kStateLead;
    case kLegacyProspect:
      return kStateProspect;
    case kLegacyCustomer:
      return kStateCustomer;
    default:
      return std::nullopt;
  }
}

const core::NumberFormat& code_format(int customer_state) {
  switch (customer_state) {
    case kStateLead:
      return kLeadCode;
    case kStateProspect:
      return kProspectCode;
    default:
      return kCustomerCode;
  }
}

bool is_reserved_code(std::string_view code) {
  // `filter` names the legacy list route beside GET /v1/Customers/{customerCode} (§7.1).
  static constexpr std::array<std::string_view, 10> kReserved = {
      "enquiry",         "search", "existence", "satisfaction", "files",
      "file-categories", "name",   "id",        "taxid",        "filter"};
  return std::any_of(kReserved.begin(), kReserved.end(),
                     [&](std::string_view r) { return api::iequals(r, code); });
}

std::string search_lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + ('a' - 'A'));
  }
  return out;
}

std::optional<std::string> phone_digits(std::string_view phone) {
  std::string out;
  for (char ch : phone) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

namespace {

using refs::EmployeeRef;

// Owners are active employees named by staff code; the same employee named twice owns the
// customer once.
std::vector<EmployeeRef> resolve_owners(storage::Session& s, std::int64_t company_id,
                                        const std::vector<std::string>& codes) {
  auto found = refs::require_each(codes, "Owner", [&](const std::string& code) {
    return refs::find_employee_by_staff_code(s, company_id, code);
  });
  std::vector<EmployeeRef> out;
  for (auto& e : found) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const EmployeeRef& o) { return o.user_id == e.user_id; });
    if (!seen) out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> codes_of(const std::vector<EmployeeRef>& owners) {
  std::vector<std::string> out;
  for (const auto& o : owners) out.push_back(o.staff_code.value_or(""));
  return out;
}

void check_birthdate(const UpsertInput& in, core::UnixSeconds now, const core::TimeZone& zone) {
  if (!in.birthdate) return;
  // Both are local midnights or later on their day: compare calendar days in the company's zone.
  const auto born = zone.to_local(*in.birthdate);
  const auto today = zone.to_local(now);
  if (std::tie(born.year, born.month, born.day) > std::tie(today.year, today.month, today.day)) {
    throw core::validation("customerBirthdate", "customerBirthdate must not be in the future");
  }
}

// The address list of a request, given the stored one: kept addresses keep their id and
// audit fields, new ones are stamped with the caller and the time.
std::vector<Address> merge_addresses(const std::vector<Address>& stored,
                                     const std::vector<AddressInput>& input,
                                     const core::Caller& caller, core::UnixSeconds now) {
  std::vector<Address> out;
  for (const auto& in : input) {
    Address a;
    if (in.address_id) {
      auto it = std::find_if(stored.begin(), stored.end(),
                             [&](const Address& s) { return s.address_id == *in.address_id; });
      bool repeated = std::any_of(out.begin(), out.end(),
                                  [&](const Address& o) { return o.address_id == *in.address_id; });
      if (it == stored.end() || repeated) {
        throw core::not_found("addressId " + std::to_string(*in.address_id) + " was not found");
      }
      a = *it;
    } else {
      a.created_by_user_id = caller.user_id;
      a.date_created = now;
      a.is_active = true;
    }
    a.location_name = in.location_name;
    a.location = in.location;
    a.location_type = in.location_type;
    a.latitude = in.latitude;
    a.longitude = in.longitude;
    out.push_back(std::move(a));
  }
  return out;
}

// A master entry the request names by name (§7.1): found or created; blank or null clears it.
void patch_entry(storage::Session& s, const core::MasterList& list, const core::Caller& caller,
                 core::UnixSeconds now, const api::Input<std::string>& in,
                 std::optional<std::int64_t>& id, std::optional<std::string>& name) {
  if (!in.present) return;
  const auto wanted = in ? core::trim(*in) : std::string_view();
  if (wanted.empty()) {
    id.reset();
    name.reset();
    return;
  }
  auto row = storage::find_or_add_by_name(s, list, caller.company_id, wanted, caller.user_id, now);
  id = row.id;
  name = std::move(row.name);
}

// Names without blanks and without a second spelling of one name (compared case-insensitively).
std::vector<std::string> distinct_names(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    auto t = core::trimmed(n);
    if (t.empty()) continue;
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const std::string& o) { return api::iequals(o, t); });
    if (!seen) out.push_back(std::move(t));
  }
  return out;
}

// Sets every field the request carries (§1.5: absent keeps, null clears), master entries
// found or created by name.
void apply_fields(storage::Session& s, CustomerRecord& c, const UpsertInput& in,
                  const core::Caller& caller, core::UnixSeconds now) {
  using api::patch;
  c.customer_name = in.customer_name;
  if (in.customer_state) c.customer_state = static_cast<int>(*in.customer_state);
  if (in.customer_type) c.customer_type = static_cast<int>(*in.customer_type);
  if (in.customer_status) c.customer_status = static_cast<int>(*in.customer_status);
  patch(c.lead_status, in.lead_status);
  patch_entry(s, kUnqualifiedReasons, caller, now, in.unqualified_reason, c.unqualified_reason_id,
              c.unqualified_reason);
  patch(c.unqualified_reason_note, in.unqualified_reason_note);
  patch(c.picture, in.picture);
  patch(c.second_name, in.second_name);
  patch(c.aliases, in.aliases);
  patch(c.tax_no, in.tax_no);
  patch(c.branch_code, in.branch_code);
  patch(c.phone, in.phone);
  patch(c.mobile, in.mobile);
  patch(c.email, in.email);
  patch(c.position, in.position);
  patch(c.gender, in.gender);
  patch(c.marital_status, in.marital_status);
  patch(c.birthdate, in.birthdate);
  patch(c.income, in.income);
  patch(c.credit_limit, in.credit_limit);
  patch_entry(s, kCustomerSources, caller, now, in.source_name, c.source_id, c.source_name);
  patch_entry(s, kCustomerGroups, caller, now, in.group_name, c.group_id, c.group_name);
  patch_entry(s, kCustomerClassifications, caller, now, in.classification_name, c.classification_id,
              c.classification_name);
  if (in.interests.present) {
    c.interests.clear();
    c.interest_ids.clear();
    // [""] and null mean none (§7.1).
    for (const auto& name :
         distinct_names(in.interests ? *in.interests : std::vector<std::string>{})) {
      auto row = storage::find_or_add_by_name(s, kInterestTopics, caller.company_id, name,
                                              caller.user_id, now);
      c.interest_ids.push_back(row.id);
      c.interests.push_back(std::move(row.name));
    }
  }
  if (in.tags.present) c.tags = distinct_names(in.tags ? *in.tags : std::vector<std::string>{});
  patch(c.note, in.note);
  if (in.social_account.present) c.social_account = in.social_account.value.value_or("{}");
  if (in.custom_fields.present) c.custom_fields = in.custom_fields.value.value_or("[]");
  if (in.contacts.present) {
    // The list is replaced as a whole; each contact is new.
    c.contacts.clear();
    for (const auto& ct : in.contacts ? *in.contacts : std::vector<ContactInput>{}) {
      Contact contact = ct;
      contact.created_by_user_id = caller.user_id;
      contact.date_created = now;
      c.contacts.push_back(std::move(contact));
    }
  }
}

// Rules across fields that Gofive's request model notes: an Unqualified lead names its reason
// (unqulifiedReasonName and unqulifiedReasonNote), and an Ended or Closed customer has a note.
// Checked when the request sets leadStatus or customerStatus, so that editing another field of
// a record stored before the rule is not refused.
void check_cross_field_rules(const CustomerRecord& c, const UpsertInput& in) {
  std::vector<core::FieldProblem> problems;
  auto blank = [](const std::optional<std::string>& v) { return !v || core::trim(*v).empty(); };
  if (in.lead_status && *in.lead_status == kLeadUnqualified && c.customer_state == kStateLead) {
    if (blank(c.unqualified_reason)) {
      problems.push_back({"unqulifiedReasonName",
                          "unqulifiedReasonName is required for a lead whose leadStatus is 3 "
                          "(Unqualified)"});
    }
    if (blank(c.unqualified_reason_note)) {
      problems.push_back({"unqulifiedReasonNote",
                          "unqulifiedReasonNote is required for a lead whose leadStatus is 3 "
                          "(Unqualified)"});
    }
  }
  if (in.customer_status && *in.customer_status != kStatusActive && !in.status_from_legacy_state &&
      blank(c.note)) {
    problems.push_back({"customerNote",
                        "customerNote is required when customerStatus is 1 (Ended) or 2 (Closed)"});
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
}

// The next code of the state's letter. Codes stored by an import or by hand may already hold
// numbers of the sequence: those are skipped, never duplicated.
std::string new_code(storage::Session& s, CustomerRepository& repo, std::int64_t company_id,
                     int customer_state, core::UnixSeconds now, const core::TimeZone& zone) {
  // Far more taken numbers in a row than any import leaves, yet a bound on one write's work.
  constexpr int kMaxProbes = 10000;
  for (int i = 0; i < kMaxProbes; ++i) {
    auto code = storage::next_number(s, company_id, code_format(customer_state), now, zone);
    if (!repo.code_taken(company_id, code)) return code;
  }
  throw core::business_rule("No free customer code was found; the code sequence needs attention");
}

}  // namespace

std::int64_t insert_customer(storage::Session& s, CustomerRecord& c) {
  CustomerRepository repo(s);
  auto owners = resolve_owners(s, c.company_id, c.owners);
  c.owners = codes_of(owners);
  c.customer_id = repo.insert_row(c);
  repo.save_addresses(c, true);
  repo.save_contacts(c, true);
  repo.save_owners(c, owners, true);
  repo.save_tags(c, true);
  repo.save_interests(c, true);
  repo.save_search(c, true);
  return c.customer_id;
}

void index_customer(storage::Session& s, std::int64_t company_id, std::int64_t customer_id) {
  CustomerRepository repo(s);
  if (auto c = repo.find_by_id(company_id, customer_id)) repo.save_search(*c, false);
}

boost::asio::awaitable<CustomerRecord> CustomerService::upsert(const core::Caller& caller,
                                                               UpsertInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CustomerRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();
    check_birthdate(in, now, *caller.zone);

    auto create = [&] {
      // Defaults of a new customer (§7.1): a Customer, a business, active.
      CustomerRecord c;
      c.company_id = company;
      apply_fields(s, c, in, caller, now);
      // Without one, the lead status Gofive's request model gives: New for a lead, Interested
      // for a prospect or customer.
      if (!in.lead_status.present) {
        c.lead_status = c.customer_state == kStateLead ? kLeadNew : kLeadInterested;
      }
      check_cross_field_rules(c, in);
      if (in.owners) c.owners = *in.owners;
      if (in.addresses) c.addresses = merge_addresses({}, *in.addresses, caller, now);
      c.customer_code = new_code(s, repo, company, c.customer_state, now, *caller.zone);
      if (c.customer_state == kStateCustomer) c.date_acquired = now;
      c.created_by_user_id = caller.user_id;
      c.date_created = now;
      c.modified_by_user_id = caller.user_id;
      c.date_modified = now;
      insert_customer(s, c);
      webhooks::emit(s, company, webhooks::kCustomerCreated,
                     {{"CustomerCode", c.customer_code}, {"CustomerId", c.customer_id}}, now,
                     *caller.zone);
      return c;
    };
    auto update = [&](CustomerRecord c) {
      const int previous_state = c.customer_state;
      const int previous_status = c.customer_status;
      apply_fields(s, c, in, caller, now);
      check_cross_field_rules(c, in);
      std::optional<std::vector<EmployeeRef>> owners;
      if (in.owners.present) {
        owners = resolve_owners(s, company, in.owners ? *in.owners : std::vector<std::string>{});
        c.owners = codes_of(*owners);
      }
      if (in.addresses.present) {
        c.addresses = merge_addresses(
            c.addresses, in.addresses ? *in.addresses : std::vector<AddressInput>{}, caller, now);
      }
      // A code never changes (a lead that becomes a customer keeps its L code); the first time
      // the record is a Customer is its acquisition.
      if (c.customer_state == kStateCustomer && !c.date_acquired) c.date_acquired = now;
      c.modified_by_user_id = caller.user_id;
      c.date_modified = now;
      repo.update_row(c);
      if (in.addresses.present) repo.save_addresses(c, false);
      if (in.contacts.present) repo.save_contacts(c, false);
      if (owners) repo.save_owners(c, *owners, false);
      if (in.tags.present) repo.save_tags(c, false);
      if (in.interests.present) repo.save_interests(c, false);
      repo.save_search(c, false);
      // §7.1 (which overrides §5.3's designed keys): StatusChanged when customerState or
      // customerStatus changed, after Updated.
      webhooks::Outbox events(s, company, now, *caller.zone);
      events.emit(webhooks::kCustomerUpdated,
                  {{"CustomerCode", c.customer_code}, {"CustomerId", c.customer_id}});
      if (c.customer_state != previous_state || c.customer_status != previous_status) {
        events.emit(webhooks::kCustomerStatusChanged, {{"CustomerCode", c.customer_code},
                                                       {"CustomerId", c.customer_id},
                                                       {"PreviousCustomerState", previous_state},
                                                       {"CustomerState", c.customer_state},
                                                       {"PreviousStatus", previous_status},
                                                       {"Status", c.customer_status}});
      }
      return c;
    };
    return api::upsert_by_key(
        in.customer_code, "customerCode",
        [&](const std::string& code) { return repo.find_by_code(company, code); }, create, update);
  });
}

boost::asio::awaitable<CustomerRecord> CustomerService::by_code(const core::Caller& caller,
                                                                std::string code) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return CustomerRepository(s).find_by_code(caller.company_id, code);
  });
  if (!found) throw core::not_found("customerCode " + code + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<CustomerRecord> CustomerService::by_id(const core::Caller& caller,
                                                              std::int64_t customer_id) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return CustomerRepository(s).find_by_id(caller.company_id, customer_id);
  });
  if (!found) {
    throw core::not_found("customerId " + std::to_string(customer_id) + " was not found");
  }
  co_return std::move(*found);
}

boost::asio::awaitable<Page<CustomerRecord>> CustomerService::by_name(const core::Caller& caller,
                                                                      std::string name) {
  auto page = co_await db_.read([&](storage::Session& s) {
    return CustomerRepository(s).find_by_name(caller.company_id, name, kMaxByName);
  });
  if (page.total == 0) throw core::not_found("customerName " + name + " was not found");
  co_return page;
}

boost::asio::awaitable<std::vector<CustomerRecord>> CustomerService::by_tax_no(
    const core::Caller& caller, std::string tax_no, std::optional<std::string> branch_code) {
  auto list = co_await db_.read([&](storage::Session& s) {
    return CustomerRepository(s).find_by_tax_no(caller.company_id, tax_no, branch_code);
  });
  if (list.empty()) {
    throw core::not_found("taxId " + tax_no +
                          (branch_code ? " with branchCode " + *branch_code : "") +
                          " was not found");
  }
  co_return list;
}

namespace {

std::string too_broad(std::string_view field) {
  std::string out(field);
  out.append(" matches too many customers to search at once; use a longer ").append(field);
  out.append(" or more filters");
  return out;
}

}  // namespace

boost::asio::awaitable<Page<CustomerRecord>> CustomerService::enquiry(const core::Caller& caller,
                                                                      EnquiryInput in) {
  // Enquiries and searches can read many index entries (storage::read_limited).
  co_return co_await storage::read_limited(
      db_, caller.company_id, in.keyword ? std::optional(keyword_read_limit_) : std::nullopt,
      too_broad("keyword"), [&](storage::Session& s) {
        return CustomerRepository(s, &codes_).enquiry(caller.company_id, in);
      });
}

boost::asio::awaitable<Page<CustomerRecord>> CustomerService::search(const core::Caller& caller,
                                                                     SearchInput in) {
  co_return co_await storage::read_limited(
      db_, caller.company_id, keyword_read_limit_, too_broad("searchText"),
      [&](storage::Session& s) { return CustomerRepository(s).search(caller.company_id, in); });
}

boost::asio::awaitable<std::vector<ExistenceMatch>> CustomerService::existence(
    const core::Caller& caller, ExistenceInput in) {
  // Enough to show a person the likely duplicates; a request matching more is too broad to be
  // a duplicate check.
  constexpr std::int64_t kMaxMatches = 100;
  co_return co_await db_.read([&](storage::Session& s) {
    return CustomerRepository(s).existence(caller.company_id, in, kMaxMatches);
  });
}

}  // namespace ov::customers
