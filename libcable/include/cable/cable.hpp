// libcable — the whole public C++ API in one include.
//
//   #include <cable/cable.hpp>
//
//   cable::Writer w = cable::Writer::open("cables.db");
//   w.index_path("corpus/");
//   w.commit();
//   cable::SearchOptions o;
//   o.facets = {cable::Facet::kTag, cable::Facet::kYear};
//   cable::Results r = cable::Searcher::open("cables.db").search("tag:KTIP trafficking", o);
//
// Each header it includes documents its part; link the target Cable::cable
// (find_package(Cable)) or `pkg-config --cflags --libs cable`. C++20.
//
// Copyright (C) 2026 The libcable authors. SPDX-License-Identifier: GPL-2.0-or-later
#ifndef CABLE_CABLE_HPP_
#define CABLE_CABLE_HPP_

#include "cable/check.hpp"
#include "cable/error.hpp"
#include "cable/json.hpp"
#include "cable/query.hpp"
#include "cable/reader.hpp"
#include "cable/record.hpp"
#include "cable/search.hpp"
#include "cable/tags.hpp"
#include "cable/version.hpp"
#include "cable/writer.hpp"

#endif  // CABLE_CABLE_HPP_
