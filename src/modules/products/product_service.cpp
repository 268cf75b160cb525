#include "modules/products/product_service.hpp"

#include <algorithm>

#include "api/json_fields.hpp"
#include "api/update.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "modules/refs.hpp"
#include "storage/master_lists.hpp"
#include "webhooks/events.hpp"

namespace ov::products {

namespace {

// ENDPOINTS.md §1.1 rule 8: codes that are literal segments of the section's paths.
constexpr std::string_view kReservedCodes[] = {"GetProduct", "tickets", "serials", "codeguard",
                                               "stock",      "units",   "groups",  "properties"};

// A new product's or variant's code may not be a literal segment of the section's paths.
void require_unreserved(const std::string& code, const std::string& field) {
  for (auto reserved : kReservedCodes) {
    if (core::iequals(code, reserved)) {
      throw core::validation(field,
                             field + " " + code + " is reserved: it is a path segment of the API");
    }
  }
}

void emit_stock(webhooks::Outbox& events, const ProductRecord& p, const core::Decimal& previous,
                const core::Decimal& qty) {
  events.emit(webhooks::kProductStockUpdated,
              {{"ProductCode", p.product_code}, {"PreviousQty", previous}, {"Qty", qty}});
}

// The variant `v` of `parent`, created or updated: its code is its own (unique in the company).
void save_variant(storage::Session& s, ProductRepository& repo, const core::Caller& caller,
                  const ProductRecord& parent, const VariantInput& v, std::size_t index,
                  core::UnixSeconds now, webhooks::Outbox& events) {
  const auto company = caller.company_id;
  std::string field = "productVariant[" + std::to_string(index) + "].productCode";
  auto found = repo.find_for_update(company, v.product_code);
  if (found && found->product_id == parent.product_id) {
    throw core::validation(field, field + " " + v.product_code + " is its product's own code");
  }
  if (found && found->parent_product_id != parent.product_id) {
    throw core::validation(field, field + " " + v.product_code + " is the code of another product");
  }
  if (!found) require_unreserved(v.product_code, field);
  ProductRecord p = found ? *found : ProductRecord{};
  const ProductRecord before = p;
  if (!found) {
    p.company_id = company;
    p.product_code = v.product_code;
    p.parent_product_id = parent.product_id;
    p.date_created = now;
    p.qty = v.qty.value_or(core::Decimal::of(0));
  }
  // What a variant has of its own; the rest is its product's.
  p.product_name = v.product_name;
  p.product_barcode = v.product_barcode;
  p.product_description = v.product_description;
  p.cost = v.cost.value_or(parent.cost);
  p.prices = prices_json(v.prices, true);
  p.default_price = default_price(v.prices);
  p.product_image = v.product_image;
  p.low_stock_alert = v.low_stock_alert;
  p.active = v.active;
  p.attributes = attributes_json(v.attributes);
  p.product_type = parent.product_type;
  p.group1_id = parent.group1_id;
  p.group2_id = parent.group2_id;
  p.group3_id = parent.group3_id;
  p.product_group_id = parent.product_group_id;
  p.unit_id = parent.unit_id;
  p.product_weight = parent.product_weight;
  p.product_weight_unit = parent.product_weight_unit;
  p.product_tag = parent.product_tag;
  p.track_inventory = parent.track_inventory;
  p.use_warranty = parent.use_warranty;
  p.time_warranty_value = parent.time_warranty_value;
  p.time_warranty_unit = parent.time_warranty_unit;
  p.warranty_note = parent.warranty_note;
  p.visibility = parent.visibility;
  p.brand_name = parent.brand_name;
  p.search_text = search_text_of(p);
  p.date_modified = now;
  for (const auto& a : v.attributes) {
    auto attribute = storage::find_or_add_by_name(s, kProductAttributes, company, a.attribute_name,
                                                  caller.user_id, now);
    repo.attribute_value_for(company, attribute.id, a.attribute_value_name);
  }
  if (found) {
    repo.update(before, p);
  } else {
    repo.insert(p);
    if (p.qty != core::Decimal::of(0)) emit_stock(events, p, core::Decimal::of(0), p.qty);
  }
}

}  // namespace

ProductRecord save_product(storage::Session& s, const core::Caller& caller, const ProductInput& in,
                           core::UnixSeconds now, webhooks::Outbox& events) {
  ProductRepository repo(s);
  const auto company = caller.company_id;
  auto found = repo.find_for_update(company, in.product_code);
  if (found && found->parent_product_id) {
    throw core::validation("productCode", "productCode " + in.product_code +
                                              " is a variant; it is saved with its product");
  }
  if (!found) require_unreserved(in.product_code, "productCode");
  ProductRecord p = found ? *found : ProductRecord{};
  const ProductRecord before = p;
  if (!found) {
    p.company_id = company;
    p.product_code = in.product_code;
    p.date_created = now;
    // The initial stock; afterwards Update Product Stock sets it (§4.8.1).
    p.qty = in.qty.value_or(core::Decimal::of(0));
  }
  using api::patch;
  patch(p.product_barcode, in.product_barcode);
  p.product_name = in.product_name;
  patch(p.product_description, in.product_description);
  // The category tree: each level's name found or created under the one above. A level the
  // body leaves out keeps the stored one while the level above it stays the same.
  p.group1_id = repo.group_for(company, std::nullopt, 1, in.category, caller.user_id, now);
  if (in.sub_category.present) {
    p.group2_id.reset();
    if (in.sub_category) {
      p.group2_id = repo.group_for(company, p.group1_id, 2, *in.sub_category, caller.user_id, now);
    }
  } else if (p.group1_id != before.group1_id) {
    p.group2_id.reset();
  }
  if (in.sub_sub_category.present) {
    p.group3_id.reset();
    if (in.sub_sub_category && p.group2_id) {
      p.group3_id =
          repo.group_for(company, p.group2_id, 3, *in.sub_sub_category, caller.user_id, now);
    }
  } else if (p.group2_id != before.group2_id) {
    p.group3_id.reset();
  }
  p.product_group_id = p.group3_id ? p.group3_id : p.group2_id ? p.group2_id : p.group1_id;
  p.cost = in.cost;
  p.prices = prices_json(in.prices, false);
  p.default_price = default_price(in.prices);
  p.unit_id = storage::find_or_add_by_name(s, kProductUnits, company, in.product_unit_name,
                                           caller.user_id, now)
                  .id;
  patch(p.product_weight, in.product_weight);
  patch(p.product_weight_unit, in.product_weight_unit);
  patch(p.product_tag, in.product_tag);
  patch(p.product_image, in.product_image);
  p.track_inventory = in.track_inventory;
  patch(p.low_stock_alert, in.low_stock_alert);
  p.use_warranty = in.use_warranty;
  patch(p.time_warranty_value, in.time_warranty_value);
  patch(p.time_warranty_unit, in.time_warranty_unit);
  patch(p.warranty_note, in.warranty_note);
  p.visibility = in.visibility;
  p.active = in.active;
  patch(p.brand_name, in.brand_name);
  p.search_text = search_text_of(p);
  p.date_modified = now;
  if (found) {
    repo.update(before, p);
  } else {
    repo.insert(p);
    if (p.qty != core::Decimal::of(0)) emit_stock(events, p, core::Decimal::of(0), p.qty);
  }
  for (std::size_t i = 0; i < in.variants.size(); ++i) {
    save_variant(s, repo, caller, p, in.variants[i], i, now, events);
  }
  return p;
}

boost::asio::awaitable<TicketRecord> ProductService::upsert(const core::Caller& caller,
                                                            std::vector<BatchItem> items) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    // One outbox for the call: the company's subscriptions are read once, at the first event.
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    TicketRecord t;
    t.company_id = caller.company_id;
    t.total_items = static_cast<std::int64_t>(items.size());
    t.date_created = now;
    t.date_completed = now;
    api::StringSink sink(t.results);
    api::JsonWriter w(sink);
    w.StartArray();
    for (auto& item : items) {
      std::string error = item.error;
      if (item.input) {
        // Each product on its own: one that fails is undone alone. A failure of the storage
        // itself is no ApiError and fails the whole call, ticket included.
        storage::Savepoint part(s, "product");
        try {
          save_product(s, caller, *item.input, now, events);
          part.release();
        } catch (const core::ApiError& e) {
          error = e.what();
        }
      }
      if (error.empty()) {
        ++t.success_items;
      } else {
        ++t.failed_items;
      }
      w.StartObject();
      api::write_key(w, "productCode");
      api::write_string(w, item.code);
      api::write_key(w, "isSuccess");
      w.Bool(error.empty());
      api::write_key(w, "error");
      api::write_item_error(w, error);
      w.EndObject();
    }
    w.EndArray();
    // Every product refused: the batch failed (§4.8 ticket status 4).
    t.status = t.success_items == 0 ? kTicketFailed : kTicketCompleted;
    ProductRepository(s).insert_ticket(t);
    return t;
  });
}

boost::asio::awaitable<TicketRecord> ProductService::ticket(const core::Caller& caller,
                                                            std::int64_t ticket_id) {
  const auto since = clock_.now() - kTicketLifetime;
  auto found = co_await db_.read([&](storage::Session& s) {
    return ProductRepository(s).find_ticket(caller.company_id, ticket_id, since);
  });
  if (!found) throw core::not_found("ticketId " + std::to_string(ticket_id) + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<ProductRecord> ProductService::get(const core::Caller& caller,
                                                          std::string code) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return ProductRepository(s).find_by_code(caller.company_id, code);
  });
  if (!found) throw core::not_found("productCode " + code + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<core::Page<ProductRecord>> ProductService::take_by_status(
    const core::Caller& caller, ListInput in) {
  co_return co_await db_.read_apart(
      [&](storage::Session& s) {
        return ProductRepository(s).take_by_status(caller.company_id, in);
      },
      caller.company_id);
}

boost::asio::awaitable<core::Page<ProductRecord>> ProductService::filter(const core::Caller& caller,
                                                                         ListInput in) {
  co_return co_await db_.read_apart(
      [&](storage::Session& s) { return ProductRepository(s).filter(caller.company_id, in); },
      caller.company_id);
}

boost::asio::awaitable<std::vector<ProductRepository::Attribute>> ProductService::properties(
    const core::Caller& caller) {
  co_return co_await db_.read(
      [&](storage::Session& s) { return ProductRepository(s).properties(caller.company_id); });
}

boost::asio::awaitable<std::vector<StockResult>> ProductService::set_stock(
    const core::Caller& caller, std::vector<StockItem> items) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    ProductRepository repo(s);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    std::vector<StockResult> out;
    out.reserve(items.size());
    for (const auto& item : items) {
      StockResult r;
      r.product_code = item.product_code;
      r.error = item.error;
      if (r.error.empty()) {
        auto p = repo.find_for_update(caller.company_id, item.product_code);
        if (!p) {
          r.error = "productCode " + item.product_code + " was not found";
        } else {
          // Inactive products and products not tracked are set too (§4.8.11).
          r.product_code = p->product_code;
          const auto previous = p->qty;
          p->date_modified = now;
          if (*item.qty != previous) {
            repo.set_qty(*p, *item.qty);
            emit_stock(events, *p, previous, *item.qty);
          }
          r.qty = *item.qty;
          r.is_success = true;
        }
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

boost::asio::awaitable<SerialRecord> ProductService::verify_serial(const core::Caller& caller,
                                                                   VerifyInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    ProductRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();
    auto found = repo.find_serial(company, in.serial_number, true);
    if (!found) throw core::not_found("SerialNumber " + in.serial_number + " was not found");
    // A purchase date of today is the latest (it is a date: its local midnight).
    if (in.purchase_date > now) {
      throw core::validation("PurchaseDate", "PurchaseDate must not be in the future");
    }
    SerialRecord r = std::move(*found);
    if (r.status == kSerialRegistered) {
      throw core::business_rule("Serial number " + r.serial_number + " is already registered");
    }
    if (r.status == kSerialInactive) {
      throw core::business_rule("Serial number " + r.serial_number + " is inactive");
    }
    if (in.customer_code) {
      // A known customer: its code and name as stored.
      auto c = refs::require_customer(s, company, *in.customer_code, "CustomerCode");
      r.customer_code = c.customer_code;
      r.customer_name = c.customer_name;
    } else {
      r.customer_code.reset();
      r.customer_name = in.customer_name;
    }
    r.customer_type = in.customer_type;
    r.sale_order_no = in.sale_order_no;
    r.note = in.note;
    r.latitude = in.latitude;
    r.longitude = in.longitude;
    r.purchase_date = in.purchase_date;
    // The warranty runs from the purchase for the product's period (§4.8.8).
    auto product = repo.find_row(company, r.product_code);
    r.warranty_expire_date.reset();
    if (product && product->use_warranty && product->time_warranty_value &&
        product->time_warranty_unit && !product->time_warranty_unit->empty()) {
      r.warranty_expire_date = add_period(in.purchase_date, *product->time_warranty_value,
                                          product->time_warranty_unit->front(), *caller.zone);
    }
    r.date_verified = now;
    r.status = kSerialRegistered;
    repo.update_serial(r);
    return r;
  });
}

boost::asio::awaitable<SerialRecord> ProductService::serial_status(const core::Caller& caller,
                                                                   std::string serial) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return ProductRepository(s).find_serial(caller.company_id, serial);
  });
  if (!found) throw core::not_found("serialNumber " + serial + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<std::vector<CodeguardResult>> ProductService::codeguard(
    const core::Caller& caller, std::vector<CodeguardItem> items) {
  co_return co_await db_.write([&](storage::Session& s) {
    ProductRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();
    std::vector<CodeguardResult> out;
    out.reserve(items.size());
    for (const auto& item : items) {
      CodeguardResult r;
      r.product_code = item.product_code;
      r.serial_count = static_cast<std::int64_t>(item.serial_numbers.size());
      r.error = item.error;
      if (r.error.empty()) {
        // A product's serials are saved together or not at all.
        storage::Savepoint part(s, "serials");
        try {
          auto product = repo.find_row(company, item.product_code);
          if (!product)
            throw core::not_found("productCode " + item.product_code + " was not found");
          r.product_code = product->product_code;
          for (const auto& serial : item.serial_numbers) {
            auto known = repo.find_serial(company, serial, true);
            if (known && known->product_id != product->product_id) {
              throw core::business_rule("Serial number " + serial + " belongs to product " +
                                        known->product_code);
            }
            if (known) {
              // The same product: only its active flag changes; a registered serial stays so.
              if (known->status != kSerialRegistered) {
                known->status = item.active ? kSerialAvailable : kSerialInactive;
                repo.update_serial(*known);
              }
              continue;
            }
            SerialRecord fresh;
            fresh.company_id = company;
            fresh.serial_number = serial;
            fresh.serial_key = serial_key_of(serial);
            fresh.product_id = product->product_id;
            fresh.status = item.active ? kSerialAvailable : kSerialInactive;
            fresh.date_created = now;
            repo.insert_serial(fresh);
          }
          part.release();
          r.is_success = true;
        } catch (const core::ApiError& e) {
          r.error = e.what();
        }
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace ov::products
