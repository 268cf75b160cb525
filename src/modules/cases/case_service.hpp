// Business rules of the Case section: numbering, references, status changes. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/cases/case_types.hpp"
#include "storage/database.hpp"

namespace ov::cases {

class CaseService {
 public:
  CaseService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  boost::asio::awaitable<CaseRecord> add(const core::Caller& caller, AddCaseInput in);
  boost::asio::awaitable<CaseRecord> edit(const core::Caller& caller, std::string case_no,
                                          EditCaseInput in);
  boost::asio::awaitable<CaseRecord> get(const core::Caller& caller, std::string case_no);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace ov::cases
