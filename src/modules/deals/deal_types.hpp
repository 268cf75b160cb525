// The Deal section's records, master lists and inputs (ENDPOINTS.md §4.5).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/money.hpp"
#include "core/query.hpp"
#include "core/time.hpp"
#include "modules/customers/customer_types.hpp"
#include "storage/master_lists.hpp"

namespace ov::deals {

// Deal statuses and stage types (designed enums of §4.5): a deal's status is its stage's type.
inline constexpr int kStatusOpen = 1;
inline constexpr int kStatusWon = 2;
inline constexpr int kStatusLost = 3;
inline constexpr int kStageNormal = 1;
inline constexpr int kStageWon = 2;
inline constexpr int kStageLost = 3;

std::string_view status_name(int status_id);

// A deal's interest and label as the deal object shows them (names and colours read from
// their lists).
struct DealInterest {
  std::int64_t interest_id = 0;
  std::string interest_name;
};
struct DealLabel {
  std::int64_t label_id = 0;
  std::string label_name;
  std::string color;
};

struct DealRecord {
  std::int64_t deals_id = 0;
  std::int64_t company_id = 0;
  // The first customer; none on deals stored before the Deal section (number-only rows).
  std::optional<std::int64_t> customer_id;
  std::string deal_no;
  std::string deals_name;
  core::Decimal deals_value;
  int status_id = kStatusOpen;
  std::int64_t deal_stage_id = 0;
  std::int64_t deals_index = 0;  // the rank of card_position in the stage's column
  std::int64_t card_position = 0;
  core::UnixSeconds deals_date = 0;
  core::UnixSeconds expected_close_date = 0;
  int probability = 0;
  std::optional<std::string> notes;
  bool is_active = true;
  std::int64_t board_id = 0;
  core::UnixSeconds date_created = 0;
  std::optional<std::string> created_by_user_id;
  core::UnixSeconds date_modified = 0;
  std::optional<std::string> modified_by_user_id;
  std::optional<core::Decimal> deal_quantity;
  std::optional<std::string> deal_quantity_unit;
  std::vector<std::string> customer_codes;
  std::optional<std::string> assign_to;  // the owner's staff code
  std::vector<std::string> participant_codes;
  std::optional<core::UnixSeconds> date_follow_up;
  std::optional<std::string> follow_up_notes;
  std::optional<std::string> remark;
  std::optional<std::int64_t> reason_category_id;
  std::vector<std::int64_t> interest_ids;
  std::vector<std::int64_t> label_ids;
  bool cancel_all_order = false;

  // What only the deal object shows, loaded by DealRepository::load_details.
  std::optional<customers::CustomerRecord> customer;  // the legacy customer object (§4.0)
  std::optional<storage::MasterRow> stage;            // the stage as Get Deal Stage lists it
  std::vector<DealInterest> interests;
  std::vector<DealLabel> labels;
  // What only the enquiry's list items show, joined from the first customer and the stage.
  std::optional<std::string> customer_name;
  std::optional<std::string> customer_code;
  std::optional<std::string> stage_name;
  // The stage's row, joined: what dealStage shows (DealRepository::load_details).
  std::optional<std::int64_t> stage_seq;
  std::optional<std::int64_t> stage_probability;
  std::optional<std::int64_t> stage_type;
  std::optional<std::int64_t> stage_active;

  bool is_action() const { return status_id == kStatusOpen; }
};

// --- Master lists ---------------------------------------------------------------------------

// Boards (§4.5.5). The default is a row of its own (migrations/*/0016_deals.sql); making a
// board the default moves the company's row to it, and the default cannot be deactivated.
inline constexpr core::MasterColumn kBoardColumns[] = {
    {.json = "isDefault",
     .column = "(SELECT COUNT(*) FROM deal_board_defaults d WHERE d.company_id = "
               "deal_boards.company_id AND d.board_id = deal_boards.board_id)",
     .kind = core::MasterColumn::Kind::kBool,
     .write = core::MasterColumn::Write::kAlways,
     .set_sql = "UPDATE deal_board_defaults SET board_id = b.board_id FROM deal_boards b WHERE "
                "b.company_id = ? AND b.board_id = ? AND b.is_active = 1 AND "
                "deal_board_defaults.company_id = b.company_id"},
};
inline constexpr core::MasterReference kBoardReferences[] = {{"deals", "board_id"},
                                                             {"deal_stages", "board_id"}};
inline constexpr core::MasterList kDealBoards{
    .path = "/v1/deals/boards",
    .table = "deal_boards",
    .id_column = "board_id",
    .name_column = "name",
    .id_key = "boardId",
    .name_key = "boardName",
    .field = "boardId",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "board_id",
    .extras = kBoardColumns,
    .admin_kind = "deal-boards",
    .references = kBoardReferences,
    .kept_sql = "SELECT 1 FROM deal_board_defaults WHERE company_id = ? AND board_id = ?",
    .kept_reason = "is the default board: make another board the default first",
};

// Stages (§4.5.6). Their board and type are chosen on creation: the deals in a stage take
// its type as their status, so changing it later would leave them wrong.
inline constexpr core::MasterColumn kStageColumns[] = {
    {.json = "boardId",
     .column = "board_id",
     .kind = core::MasterColumn::Kind::kInt64,
     .write = core::MasterColumn::Write::kOnCreate,
     .min = 1,
     .max = api::kMaxId,
     .refers_to = &kDealBoards},
    {.json = "seq",
     .column = "seq",
     .kind = core::MasterColumn::Kind::kInt64,
     .write = core::MasterColumn::Write::kAlways,
     .min = 1,
     .max = 1000},
    {.json = "probability",
     .column = "probability",
     .kind = core::MasterColumn::Kind::kInt64,
     .write = core::MasterColumn::Write::kAlways,
     .min = 0,
     .max = 100},
    {.json = "stageType",
     .column = "stage_type",
     .kind = core::MasterColumn::Kind::kInt64,
     .write = core::MasterColumn::Write::kOnCreate,
     .min = kStageNormal,
     .max = kStageLost},
};
inline constexpr core::MasterFilter kStageFilters[] = {{"boardId", "board_id"}};
inline constexpr core::MasterReference kStageReferences[] = {{"deals", "deal_stage_id"}};
inline constexpr core::MasterList kDealStages{
    .path = "/v1/deals/stages",
    .table = "deal_stages",
    .id_column = "deal_stage_id",
    .name_column = "name",
    .id_key = "dealStageId",
    .name_key = "dealStageName",
    .field = "dealStageId",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "board_id, seq, deal_stage_id",
    .extras = kStageColumns,
    .filters = kStageFilters,
    .admin_kind = "deal-stages",
    .references = kStageReferences,
};

// Interests (§4.5.7): the customer interest topics, under the deal's keys. The topics are
// administered as customers' "interest-topics" (customers::kInterestTopics names the deal
// links among its references).
inline constexpr core::MasterList kDealInterests{
    .path = "/v1/deals/interests",
    .table = "customer_interest_topics",
    .id_column = "topic_id",
    .name_column = "name",
    .id_key = "interestId",
    .name_key = "interestName",
    .field = "dealInterests",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "name, topic_id",
};

inline constexpr core::MasterColumn kLabelColumns[] = {
    {.json = "color",
     .column = "color",
     .kind = core::MasterColumn::Kind::kString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 7,
     .format = core::MasterColumn::Format::kColor},
};
inline constexpr core::MasterReference kLabelReferences[] = {{"deal_label_links", "label_id"}};
inline constexpr core::MasterList kDealLabels{
    .path = "/v1/deals/labels",
    .table = "deal_labels",
    .id_column = "label_id",
    .name_column = "name",
    .id_key = "labelId",
    .name_key = "labelName",
    .field = "dealLabels",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "name, label_id",
    .extras = kLabelColumns,
    .admin_kind = "deal-labels",
    .references = kLabelReferences,
};

inline constexpr core::MasterSeed kDefaultReasons[] = {{1, "Price too high"},
                                                       {2, "Chose a competitor"},
                                                       {3, "No budget"},
                                                       {4, "No decision made"},
                                                       {5, "Other"}};
inline constexpr core::MasterReference kReasonReferences[] = {{"deals", "reason_category_id"}};
inline constexpr core::MasterList kMissedReasons{
    .path = "/v1/deals/missed-reason-categories",
    .table = "deal_missed_reasons",
    .id_column = "reason_category_id",
    .name_column = "name",
    .id_key = "reasonCategoryId",
    .name_key = "reasonCategoryName",
    .field = "reasonCategoryId",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "name, reason_category_id",
    .seeds = kDefaultReasons,
    .admin_kind = "deal-missed-reasons",
    .references = kReasonReferences,
};

// A stage a company starts with (the same rows as migrations/*/0016_deals.sql).
struct StageSeed {
  std::int64_t id;
  std::string_view name;
  std::int64_t seq;
  std::int64_t probability;
  int stage_type;
};
inline constexpr std::int64_t kDefaultBoardId = 1;
inline constexpr StageSeed kDefaultStages[] = {
    {1, "Qualification", 1, 10, kStageNormal},
    {2, "Proposal", 2, 50, kStageNormal},
    {3, "Negotiation", 3, 75, kStageNormal},
    {4, "Won", 4, 100, kStageWon},
    {5, "Lost", 5, 0, kStageLost},
};
struct LabelSeed {
  std::int64_t id;
  std::string_view name;
  std::string_view color;
};
inline constexpr LabelSeed kDefaultLabelColors[] = {
    {1, "Hot", "#E53935"}, {2, "Warm", "#FB8C00"}, {3, "Cold", "#1E88E5"}};

// Adds a board, making it the company's default when it has none yet (seeds, demo data).
void add_board(storage::Session& s, std::int64_t company_id, std::int64_t board_id,
               std::string_view name);
void add_stage(storage::Session& s, std::int64_t company_id, std::int64_t board_id,
               const StageSeed& stage);
void add_label(storage::Session& s, std::int64_t company_id, const LabelSeed& label);
// What a new company gets beyond the declared seeds: the default board, its stages and the
// labels with their colours.
void seed_deal_lists(storage::Session& s, std::int64_t company_id);

// --- The deal object (§4.5) -----------------------------------------------------------------

void write_stage(api::JsonWriter& w, const DealRecord& d, const api::OutContext&);
void write_status_name(api::JsonWriter& w, const DealRecord& d, const api::OutContext&);

inline constexpr core::Field<DealInterest> kInterestFields[] = {
    core::json_only<DealInterest>("interestId", &DealInterest::interest_id),
    core::json_only<DealInterest>("interestName", &DealInterest::interest_name),
};
inline constexpr core::Field<DealLabel> kLabelFields[] = {
    core::json_only<DealLabel>("labelId", &DealLabel::label_id),
    core::json_only<DealLabel>("labelName", &DealLabel::label_name),
    core::json_only<DealLabel>("color", &DealLabel::color),
};

// The deal object in its documented order, and where each field is stored. Requests name
// some fields differently (dealName in, dealsName out, §4.5); the customers' codes, the
// participants and the interest and label ids are kept on the row in request order.
inline constexpr core::Field<DealRecord> kDealFields[] = {
    {"dealsId", "deals_id", &DealRecord::deals_id, core::Store::kRead},
    {"customerId", "customer_id", &DealRecord::customer_id},
    {"dealNo", "deal_no", &DealRecord::deal_no, core::Store::kInsert},
    {"dealsName", "deals_name", &DealRecord::deals_name},
    {"dealsValue", "deals_value", &DealRecord::deals_value},
    {"statusId", "status_id", &DealRecord::status_id},
    {"dealStageId", "deal_stage_id", &DealRecord::deal_stage_id},
    // The card's rank in its stage's column (migrations/*/0016_deals.sql), read in the same
    // statement as the row, so that it is always the rank in one committed state.
    core::read_as<DealRecord>(
        {"dealsIndex", "deals_index", &DealRecord::deals_index, core::Store::kRead},
        "((SELECT COALESCE(SUM(b.cards), 0) FROM deal_card_blocks b WHERE "
        "b.company_id = d.company_id AND b.deal_stage_id = d.deal_stage_id "
        "AND b.block < d.card_position / 256) + (SELECT COUNT(*) FROM "
        "deals x WHERE x.company_id = d.company_id AND x.deal_stage_id = "
        "d.deal_stage_id AND x.card_position >= d.card_position / 256 * 256 "
        "AND x.card_position <= d.card_position))"),
    {"dealsDate", "deals_date", &DealRecord::deals_date, core::FieldKind::kDateTime},
    {"expectedCloseDate", "expected_close_date", &DealRecord::expected_close_date,
     core::FieldKind::kDateTime},
    {"probability", "probability", &DealRecord::probability},
    {"notes", "notes", &DealRecord::notes},
    {"isActive", "is_active", &DealRecord::is_active},
    {"boardId", "board_id", &DealRecord::board_id, core::Store::kInsert},
    {"dateCreated", "date_created", &DealRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    // The documented spelling.
    {"createByUserId", "created_by_user_id", &DealRecord::created_by_user_id, core::Store::kInsert},
    {"dateModified", "date_modified", &DealRecord::date_modified, core::FieldKind::kDateTime},
    {"modifiedByUserId", "modified_by_user_id", &DealRecord::modified_by_user_id},
    core::json_only<DealRecord>("measure", &DealRecord::deal_quantity),
    {"customer",
     api::nested_object<DealRecord, &DealRecord::customer, customers::kLegacyCustomerFields>},
    {"dealStage", api::custom_writer<DealRecord, write_stage>},
    {"dealsInterests", api::nested_list<DealRecord, &DealRecord::interests, kInterestFields>},
    {"dealsLabels", api::nested_list<DealRecord, &DealRecord::labels, kLabelFields>},
    core::json_only<DealRecord>("isAction", &DealRecord::is_action),
    // API clients may always edit (designed).
    {"isEdit", api::bool_value<DealRecord, true>},
    {"customerCodes", "customer_codes", &DealRecord::customer_codes},
    {"assignTo", "assign_to", &DealRecord::assign_to},
    {"participantCodes", "participant_codes", &DealRecord::participant_codes},
    {"dealQuantity", "deal_quantity", &DealRecord::deal_quantity},
    {"dealQuantityUnit", "deal_quantity_unit", &DealRecord::deal_quantity_unit},
    {"dateFollowUp", "date_follow_up", &DealRecord::date_follow_up, core::FieldKind::kDateTime},
    {"followUpNotes", "follow_up_notes", &DealRecord::follow_up_notes},
    {"remark", "remark", &DealRecord::remark},
    {"reasonCategoryId", "reason_category_id", &DealRecord::reason_category_id},
    core::column_only<DealRecord>("interest_ids", &DealRecord::interest_ids),
    core::column_only<DealRecord>("label_ids", &DealRecord::label_ids),
    core::column_only<DealRecord>("cancel_all_order", &DealRecord::cancel_all_order),
    // Given out by DealRepository::take_card; written with the deal's other changed columns
    // (an update holds the deal's row, DealRepository::find_for_update).
    core::column_only<DealRecord>("card_position", &DealRecord::card_position),
    core::column_only<DealRecord>("company_id", &DealRecord::company_id, core::Store::kInsert),
    // 0001's creation time, kept filled for the rows that still read it.
    core::column_only<DealRecord>("created_at", &DealRecord::date_created, core::Store::kWrite),
    // The stage, read with the row (dealStage).
    core::column_only<DealRecord>("ds.name", &DealRecord::stage_name, core::Store::kRead),
    core::column_only<DealRecord>("ds.seq", &DealRecord::stage_seq, core::Store::kRead),
    core::column_only<DealRecord>("ds.probability", &DealRecord::stage_probability,
                                  core::Store::kRead),
    core::column_only<DealRecord>("ds.stage_type", &DealRecord::stage_type, core::Store::kRead),
    core::column_only<DealRecord>("ds.is_active", &DealRecord::stage_active, core::Store::kRead),
};
inline constexpr std::string_view kStageJoin =
    " LEFT JOIN deal_stages ds ON ds.deal_stage_id = d.deal_stage_id AND "
    "ds.company_id = d.company_id";
inline constexpr core::Entity<DealRecord> kDealEntity{"deals", "d", kDealFields, "deals_id",
                                                      kStageJoin};
// The same row as an update reads it: without the card's rank, which the write does not show
// and which costs a count.
inline constexpr auto kDealWriteFields = [] {
  auto fields = std::to_array(kDealFields);
  for (auto& f : fields) {
    if (f.json == "dealsIndex") f.read_expr = "0";
  }
  return fields;
}();
inline constexpr core::Entity<DealRecord> kDealWriteEntity{"deals", "d", kDealWriteFields,
                                                           "deals_id", kStageJoin};

// Deal Enquiry's list item (§4.5.3): the legacy fields, four of which carry the quantity,
// then the designed ones.
inline constexpr core::Field<DealRecord> kDealListFields[] = {
    {"dealsId", "deals_id", &DealRecord::deals_id, core::Store::kRead},
    {"dealNo", "deal_no", &DealRecord::deal_no, core::Store::kRead},
    {"dealsName", "deals_name", &DealRecord::deals_name, core::Store::kRead},
    {"customerId", "customer_id", &DealRecord::customer_id, core::Store::kRead},
    {"customerName", "cu.customer_name", &DealRecord::customer_name, core::Store::kRead},
    {"customerCode", "cu.customer_code", &DealRecord::customer_code, core::Store::kRead},
    {"dealsValue", "deals_value", &DealRecord::deals_value, core::Store::kRead},
    {"statusId", "status_id", &DealRecord::status_id, core::Store::kRead},
    {"statusName", api::custom_writer<DealRecord, write_status_name>},
    {"dealStageId", "deal_stage_id", &DealRecord::deal_stage_id, core::Store::kRead},
    {"dealStageName", "ds.name", &DealRecord::stage_name, core::Store::kRead},
    {"notes", "notes", &DealRecord::notes, core::Store::kRead},
    {"dealQuantity", "deal_quantity", &DealRecord::deal_quantity, core::Store::kRead},
    core::json_only<DealRecord>("quantity", &DealRecord::deal_quantity),
    core::json_only<DealRecord>("dealMeasure", &DealRecord::deal_quantity),
    {"dealMeasureUnit", "deal_quantity_unit", &DealRecord::deal_quantity_unit, core::Store::kRead},
    core::json_only<DealRecord>("measure", &DealRecord::deal_quantity),
    {"boardId", "board_id", &DealRecord::board_id, core::Store::kRead},
    {"probability", "probability", &DealRecord::probability, core::Store::kRead},
    {"dealsDate", "deals_date", &DealRecord::deals_date, core::FieldKind::kDateTime,
     core::Store::kRead},
    {"expectedCloseDate", "expected_close_date", &DealRecord::expected_close_date,
     core::FieldKind::kDateTime, core::Store::kRead},
    {"assignTo", "assign_to", &DealRecord::assign_to, core::Store::kRead},
    {"dateCreated", "date_created", &DealRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kRead},
    {"dateModified", "date_modified", &DealRecord::date_modified, core::FieldKind::kDateTime,
     core::Store::kRead},
};
inline constexpr core::Entity<DealRecord> kDealListEntity{
    "deals", "d", kDealListFields, "deals_id",
    " LEFT JOIN customers cu ON cu.customer_id = d.customer_id AND cu.company_id = d.company_id"
    " LEFT JOIN deal_stages ds ON ds.deal_stage_id = d.deal_stage_id AND "
    "ds.company_id = d.company_id"};

// The orderBy fields of Deal Enquiry: its list item's scalar fields (§1.9). Numbers and names
// sort case-insensitively, like they compare; amounts by value.
inline constexpr core::SortColumn kDealSort[] = {
    {"dealsId", "d.deals_id"},
    {"dealsDate", "d.deals_date"},
    {"dealNo", "lower(d.deal_no)"},
    {"dealsName", "lower(d.deals_name)"},
    {"customerId", "d.customer_id", true},
    {"customerName", "lower(cu.customer_name)", true},
    {"customerCode", "lower(cu.customer_code)", true},
    {"dealsValue", "CAST(d.deals_value AS NUMERIC)"},
    {"statusId", "d.status_id"},
    {"dealStageId", "d.deal_stage_id"},
    {"dealStageName", "lower(ds.name)", true},
    {"dealQuantity", "CAST(d.deal_quantity AS NUMERIC)", true},
    {"boardId", "d.board_id"},
    {"probability", "d.probability"},
    {"expectedCloseDate", "d.expected_close_date"},
    {"assignTo", "lower(d.assign_to)", true},
    {"dateCreated", "d.date_created"},
    {"dateModified", "d.date_modified"},
};
inline constexpr std::size_t kSortById = 0;    // unique: the tie-break of every order
inline constexpr std::size_t kSortByDate = 1;  // the default order, descending

// Card positions per block of deal_card_blocks (migrations/*/0016_deals.sql).
inline constexpr std::int64_t kCardBlock = 256;

// --- Inputs ---------------------------------------------------------------------------------

// Create Deal (§4.5.1) and Update Deal (§4.5.2). On update, optional properties keep the three
// states of a body: absent keeps the stored value, null clears it (§1.5).
struct DealInput {
  std::vector<std::string> customer_codes;  // create only
  std::int64_t board_id = 0;                // create only
  std::string deal_name;
  api::Input<std::int64_t> probability;  // required on create
  core::Decimal deal_value;
  api::Input<core::Decimal> deal_quantity;
  api::Input<std::string> deal_quantity_unit;
  api::Input<std::vector<std::int64_t>> interest_ids;
  api::Input<std::vector<std::int64_t>> label_ids;
  api::Input<core::UnixSeconds> deal_date;
  core::UnixSeconds expected_close_date = 0;
  api::Input<std::string> note;
  std::string assign_to;
  api::Input<std::vector<std::string>> participant_codes;
  api::Input<core::UnixSeconds> date_follow_up;
  api::Input<std::string> follow_up_notes;
  api::Input<std::string> remark;
  api::Input<std::int64_t> deal_stage_id;
  api::Input<std::int64_t> reason_category_id;
  bool mark_all_task_as_done = false;
  api::Input<bool> cancel_all_order;
};

// Deal Enquiry (§4.5.3). Empty lists mean "no filter"; the date range is inclusive.
struct EnquiryInput {
  std::vector<std::int64_t> stage_ids;
  std::optional<std::string> keyword;
  std::optional<std::int64_t> board_id;
  std::vector<std::int64_t> status_ids;
  std::optional<std::string> customer_code;
  std::optional<std::string> assign_to;
  std::optional<core::UnixSeconds> date_from;
  std::optional<core::UnixSeconds> date_to;
  std::int64_t take = 0;
  std::int64_t skip = 0;
  std::vector<core::SortTerm> order;
};

}  // namespace ov::deals
