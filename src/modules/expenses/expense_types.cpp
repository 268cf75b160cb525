#include "modules/expenses/expense_types.hpp"

#include <algorithm>

namespace ov::expenses {

std::string_view status_name(int status_id) {
  switch (status_id) {
    case kWaitingApproval:
      return "Waiting approval";
    case kApproved:
      return "Approved";
    case kRejected:
      return "Rejected";
    case kCancelled:
      return "Cancelled";
    default:
      return "";
  }
}

bool is_status(std::int64_t id) {
  return std::find(std::begin(kStatuses), std::end(kStatuses), id) != std::end(kStatuses);
}

const LineRule* find_rule(std::int64_t type_id) {
  for (const auto& rule : kLineRules) {
    if (rule.type_id == type_id) return &rule;
  }
  return nullptr;
}

void write_user_info(api::JsonWriter& w, const ExpenseLog& l, const api::OutContext& ctx) {
  // The log's writer as the Employee object names it; identityUserId is the same id (designed).
  w.StartObject();
  api::write_key(w, "userId");
  api::write_string(w, l.created_by_user_id);
  api::write_key(w, "fullname");
  api::write_opt_string(w, l.user_name);
  api::write_key(w, "dateCreated");
  if (l.user_created) {
    api::detail::write_datetime(w, *l.user_created, ctx);
  } else {
    w.Null();
  }
  api::write_key(w, "dateModified");
  if (l.user_modified) {
    api::detail::write_datetime(w, *l.user_modified, ctx);
  } else {
    w.Null();
  }
  api::write_key(w, "identityUserId");
  api::write_string(w, l.created_by_user_id);
  w.EndObject();
}

void write_activity_expenses(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&) {
  w.StartArray();
  if (e.activity_id) {
    w.StartObject();
    api::write_key(w, "activityId");
    w.Int64(*e.activity_id);
    api::write_key(w, "activityNo");
    api::write_opt_string(w, e.activity_no);
    w.EndObject();
  }
  w.EndArray();
}

// Designed: a waiting expense waits for the Administrator role at the first rank (approval
// is the administration plane's); no single user is named.
void write_waiting_user(api::JsonWriter& w, const ExpenseRecord&, const api::OutContext&) {
  w.Null();
}

void write_waiting_role(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&) {
  if (e.status_id == kWaitingApproval) {
    api::write_string(w, "1");
  } else {
    w.Null();
  }
}

void write_waiting_rank(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&) {
  if (e.status_id == kWaitingApproval) {
    w.Int(1);
  } else {
    w.Null();
  }
}

void write_status_name(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&) {
  api::write_string(w, status_name(e.status_id));
}

void write_group_status_name(api::JsonWriter& w, const ExpenseGroup& g, const api::OutContext&) {
  api::write_string(w, status_name(g.status_id));
}

}  // namespace ov::expenses
