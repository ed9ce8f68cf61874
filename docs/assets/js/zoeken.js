/* Search that understands how people ask (issue 13). Started by data-rs-zoeken on Material's search
 * dialog (overrides/partials/search.html).
 *
 * Material 9.8 searches in a web worker and offers no hook for queries, so this module wraps
 * Worker.prototype.postMessage: it reads the rules that tools/content/search.py put into the index
 * (config.rs_zoeken) from Material's setup message, and rewrites each query before the worker sees
 * it: stop words out, word forms, one-letter typos and compound words mapped to words the index
 * knows, best bets (a page marker with a high boost) and exclusions. A query about danger also shows
 * the direct-help line and hides snippets; danger is read with care for haste (a slip mended towards
 * a danger word, "mn"/"me" as "mijn", a final d/t) and `geen_gevaar` words do not count. It also wraps the worker's addEventListener("message"),
 * so the results pass the safety net first (safetyFirst). Nothing leaves the browser; nothing is stored.
 * The Python twins are tools/content/vocabulary.plan_query and safety_net: keep them in step. */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var MARKER = "zzp", TYPO_MIN = 5, PART_MIN = 4, HEAD_MIN = 5, EXACT_BOOST = 4, COMPOUND_MIN = 5, MAX_GAP = 3, DT_MIN = 4, REPAIR_MIN = 4, REPAIR_TARGET_MIN = 5;
  var OPTIONAL = { mijn: true };  /* in danger acts, between two words: "ex rijdt langs huis" (see vocabulary.py) */
  var CALMED = "\u0000";  /* stands in for a word that does not count for danger: it matches no pattern word */
  var KEY_BOOST = 12;  /* a query word that is a one-word entry of the editors' vocabulary (rules.kern) */
  var AUDIENCE_BOOST = 30, ABOVE_DANGER_BOOST = 200, BET_BOOSTS = [1000, 100, 10, 1];
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz\u00e9\u00eb\u00ef\u00f6\u00fc";
  var SUFFIXES = ["'s", "ing", "ed", "en", "es", "s", "e", "n"];
  var EDGE = /^[^a-z0-9\u00e0-\u00ff]+|[^a-z0-9\u00e0-\u00ff]+$/g;
  var APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;  /* phones type \u2019: "don\u2019t" is "don't" */
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };

  function unescape(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, function (all, name) {
      if (name.charAt(0) === "#") {
        var code = name.charAt(1).toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return isNaN(code) ? all : String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : all;
    });
  }

  function wordsOf(text) {
    var out = [];
    unescape(String(text || "").replace(/<[^>]*>/g, " ")).toLowerCase().replace(APOSTROPHES, "'").split(/[\s\-]+/).forEach(function (raw) {
      var word = raw.replace(EDGE, "");
      if (word.length >= 2) out.push(word);
    });
    return out;
  }

  /* Every word of the index with its document frequency; a sorted list for "begins with". */
  function setOf(list) {
    var out = Object.create(null);
    (list || []).forEach(function (w) { out[w] = true; });
    return out;
  }

  function Dictionary(docs, particles) {
    this.particles = particles || Object.create(null);
    var freq = Object.create(null), topic = Object.create(null);  /* topic: titles, headings, keywords */
    docs.forEach(function (doc) {
      var seen = Object.create(null);
      ["title", "text", "woorden"].forEach(function (name) {
        wordsOf(doc[name]).forEach(function (w) {
          seen[w] = true;
          if (name !== "text" && w.indexOf(MARKER) !== 0) topic[w] = true;
        });
      });
      Object.keys(seen).forEach(function (w) {
        if (w.indexOf(MARKER) !== 0) freq[w] = (freq[w] || 0) + 1;
      });
    });
    this.freq = freq;
    var order = function (a, b) { return a < b ? -1 : a > b ? 1 : 0; };
    this.sorted = Object.keys(freq).sort(order);
    this.topic = topic;
    this.topicSorted = Object.keys(topic).sort(order);
  }

  Dictionary.prototype.has = function (word) { return Object.prototype.hasOwnProperty.call(this.freq, word); };

  Dictionary.prototype.hasPrefix = function (prefix, words) {
    var list = words || this.sorted, lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < list.length && list[lo].indexOf(prefix) === 0;
  };

  Dictionary.prototype.correct = function (word) {
    var cands = Object.create(null), i, j, c;
    for (i = 0; i <= word.length; i++) {
      /* The first letter stays (two letters may swap): a new first letter turns a real word into
       * another one ("verblijf" -> "overblijf"). */
      for (j = 0; i > 0 && j < ALPHABET.length; j++) {
        c = ALPHABET.charAt(j);
        cands[word.slice(0, i) + c + word.slice(i)] = true;
        if (i < word.length) cands[word.slice(0, i) + c + word.slice(i + 1)] = true;
      }
      if (i > 0 && i < word.length) cands[word.slice(0, i) + word.slice(i + 1)] = true;
      if (i < word.length - 1) cands[word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2)] = true;
    }
    delete cands[word];
    var best = null, self = this;
    Object.keys(cands).forEach(function (cand) {
      var key;
      /* Only towards topic words: a real word the body text lacks is not rewritten ("raken" -> "reken"). */
      if (cand.length < TYPO_MIN - 1) return;
      if (self.topic[cand]) key = [2, self.freq[cand] || 0, cand];
      else if (cand.length > TYPO_MIN && self.hasPrefix(cand, self.topicSorted)) key = [1, 0, cand];  /* "alive" is no "alime(ntatie)" */
      else return;
      if (!best || key[0] > best[0] || (key[0] === best[0] && key[1] > best[1]) ||
          (key[0] === best[0] && key[1] === best[1] && key[2] < best[2])) best = key;
    });
    return best ? best[2] : null;
  };

  Dictionary.prototype.split = function (word) {
    var cut, head, tail;
    for (cut = PART_MIN; cut <= word.length - PART_MIN; cut++) {
      head = word.slice(0, cut);
      tail = word.slice(cut);
      if (this.particles[head]) continue;  /* "overgeslagen" is not "over" + "geslagen" */
      /* A known word or a long known beginning ("weiger" + "ouder"): "verblijf" is not "verb" + "lijf". */
      var wordOk = this.has(head) || (head.length >= HEAD_MIN && this.hasPrefix(head));
      var linkOk = head.slice(-1) === "s" && this.has(head.slice(0, -1));  /* the linking s: scheidings- */
      if (this.has(tail) && (wordOk || linkOk)) return [wordOk ? head : head.slice(0, -1), tail];
    }
    for (cut = word.length - PART_MIN; cut > TYPO_MIN; cut--) {  /* the rest is a word too, not an ending */
      if (this.has(word.slice(0, cut))) return [word.slice(0, cut)];
    }
    return null;
  };

  function normalise(word, dict) {
    if (dict.hasPrefix(word)) return [word];
    var beginning = null;  /* a stem that only begins words ("gewels" -> "gewel"): a typo fix may know better */
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i], stem = word.slice(0, word.length - suffix.length);
      if (word.slice(-suffix.length) === suffix && stem.length >= PART_MIN && dict.hasPrefix(stem)) {
        if (dict.has(stem)) return [stem];
        beginning = beginning || stem;
      }
    }
    if (word.length >= TYPO_MIN) {
      var fixed = dict.correct(word);
      if (fixed && (beginning === null || dict.topic[fixed])) return [fixed];
      if (beginning) return [beginning];
      var parts = dict.split(word);
      if (parts) return parts;
    }
    return [beginning || word];
  }

  /* Dutch puts the head of a compound last: "geweld" also matches "partnergeweld", and "mishandel*"
   * also "kindermishandeling". The part in front must be 3 letters or more and not a separable verb
   * part ("aangeslagen" is not about hitting). A lone * matches any one word ("maakt * kapot"). */
  /* Dutch writers mix up a final d, t and dt ("hij slaad", "word"): one spelling for all three. */
  function finalT(word) {
    if (word.slice(-2) === "dt") return word.slice(0, -2) + "t";
    return word.slice(-1) === "d" ? word.slice(0, -1) + "t" : word;
  }

  /* `slip` (calm patterns): a whole word of TYPO_MIN letters or more also with one slip. */
  function wordMatches(pattern, word, particles, whole, slip) {
    if (pattern === "*") return word !== CALMED;
    if (word.slice(-2) === "'s" && pattern.slice(-2) !== "'s") word = word.slice(0, -2);  /* "my dad's" is about "my dad" */
    if (pattern.indexOf("'") !== -1 && word.indexOf("'") === -1) pattern = pattern.replace(/'/g, "");  /* "wont" is "won't" */
    if (whole) return word === pattern;  /* place names: "opheffen" is not about Effen */
    var headOk = function (head) { return head.length >= 3 && !(particles && particles[head]); };
    if (pattern.slice(-1) === "*") {
      var stem = pattern.slice(0, -1);
      if (word.indexOf(stem) === 0) return true;
      var at = stem.length >= COMPOUND_MIN ? word.indexOf(stem, 3) : -1;
      return at !== -1 && headOk(word.slice(0, at));
    }
    if (word === pattern || (pattern.length >= DT_MIN && finalT(word) === finalT(pattern))) return true;
    if (slip && pattern.length >= TYPO_MIN && word.length >= TYPO_MIN && oneEdit(word, pattern)) return true;
    return pattern.length >= COMPOUND_MIN && word.slice(-pattern.length) === pattern &&
      headOk(word.slice(0, word.length - pattern.length));
  }

  /* Where the pattern's words stand, in order; between two of them at most MAX_GAP filler words and
   * `gap` other words (a best bet's "tussen"). `loose` (danger acts): a "mijn" between two pattern
   * words may be left out (see OPTIONAL). */
  function positions(pattern, words, fillers, particles, whole, loose, slip, gap) {
    gap = gap || 0;
    function skippable(k) { return loose && k > 0 && k < pattern.length - 1 && !!OPTIONAL[pattern[k]]; }
    function rest(k, j) {
      if (k === pattern.length) return [];
      if (skippable(k)) {
        var skipped = rest(k + 1, j);
        if (skipped) return skipped;
      }
      var others = 0;
      for (var pos = j; pos < Math.min(j + MAX_GAP + gap + 1, words.length); pos++) {
        if (wordMatches(pattern[k], words[pos], particles, whole, slip)) {
          var tail = rest(k + 1, pos + 1);
          if (tail) return [pos].concat(tail);
        }
        if (!fillers[words[pos]] && ++others > gap) return null;
      }
      return null;
    }
    for (var i = 0; i < words.length; i++) {
      if (wordMatches(pattern[0], words[i], particles, whole, slip)) {
        var tail = rest(1, i + 1);
        if (tail) return [i].concat(tail);
      }
    }
    return null;
  }

  function matches(pattern, words, fillers, particles, whole, loose, gap) {
    return positions(pattern, words, fillers, particles, whole, loose, false, gap) !== null;
  }

  /* The words without those of a "geen_gevaar" pattern ("dreigt met een advocaat" is no danger):
   * "hij dreigt me te slaan en naar de rechter" keeps "slaan"; a slip in a long word still calms. */
  function calmed(words, patterns, fillers, particles) {
    var out = words.slice();
    patterns.forEach(function (p) {
      for (var at = positions(p, out, fillers, particles, false, false, true); at;
        at = positions(p, out, fillers, particles, false, false, true)) {
        at.forEach(function (pos) { out[pos] = CALMED; });
      }
    });
    return out;
  }

  /* The same, or one letter added, dropped or changed, or two neighbours swapped. */
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
    if (a.length > b.length) { var c = a; a = b; b = c; }
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  /* Two neighbouring letters after the first change places ("bnag" for "bang"). */
  function swapped(a, b) {
    if (a.length !== b.length) return false;
    var diff = [];
    for (var k = 0; k < a.length; k++) if (a[k] !== b[k]) diff.push(k);
    return diff.length === 2 && diff[0] > 0 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }

  /* The words of the danger patterns a slip can be mended towards: whole words of five letters or
   * more, beginnings ("mishandel*") of six or more ("stark" is no "stalk*"); whole words of four
   * letters ("bang") only for two letters swapped. Once per index. */
  function dangerWords(rules) {
    if (rules.__gevaarWoorden) return rules.__gevaarWoorden;
    var pats = [], seen = {}, out = [];
    (rules.samen || []).forEach(function (pair) { pats = pats.concat(pair.wie, pair.wat); });
    (rules.voorrang || []).forEach(function (bet) { if (bet.gevaar) pats = pats.concat(bet.patronen); });
    pats.forEach(function (p) {
      p.forEach(function (w) {
        var prefix = w.slice(-1) === "*";
        var short = w.length === REPAIR_MIN && /^[a-z\u00e0-\u00ff]+$/.test(w);
        if (w !== "*" && !seen[w] && (short || w.replace(/\*$/, "").length >= REPAIR_TARGET_MIN + (prefix ? 1 : 0))) {
          seen[w] = true;
          out.push(w);
        }
      });
    });
    rules.__gevaarWoorden = out;
    return out;
  }

  /* The typed words with one slip mended towards a danger word ("verkragt", "choekd"): the index's
   * own typo fix knows only the words of the pages. A word the pages use is no slip and stays. */
  function repaired(typed, targets, dict) {
    var known = setOf(targets);
    return typed.map(function (w) {
      if (w.length < REPAIR_MIN || !/^[a-z\u00e0-\u00ff]+$/.test(w) || dict.has(w) || known[w]) return w;
      for (var n = 0; n < targets.length; n++) {
        var t = targets[n];
        if (t[0] !== w[0]) continue;
        if (t.slice(-1) === "*") {
          var stem = t.slice(0, -1);
          if (w.indexOf(stem) === 0) return w;
          for (var k = 0; k <= 2; k++) {
            var d = [0, 1, -1][k];
            if (w.length >= stem.length + d && oneEdit(w.slice(0, stem.length + d), stem)) return stem + w.slice(stem.length + d);
          }
        } else if (t.length < REPAIR_TARGET_MIN ? swapped(w, t) : oneEdit(w, t)) {
          return t;
        }
      }
      return w;
    });
  }

  function marker(location) {
    return location ? MARKER + location.replace(/\//g, "x").replace(/[^a-z0-9]/g, "") : MARKER + "home";
  }

  function unique(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }

  /* Dutch compounds written as two words ("omgangs regeling"): two neighbours whose join is a word
   * of the index become that word. */
  var JOIN_MIN = 3;
  function joined(typed, stop, dict) {
    var out = [], i = 0, a, b;
    while (i < typed.length) {
      a = typed[i];
      b = i + 1 < typed.length ? typed[i + 1] : "";
      if (b && Math.min(a.length, b.length) >= JOIN_MIN && !stop[a] && !stop[b] &&
          !/^\d+$/.test(a) && !/^\d+$/.test(b) && dict.has(a + b)) {
        out.push(a + b);
        i += 2;
      } else {
        out.push(a);
        i += 1;
      }
    }
    return out;
  }

  function planQuery(text, rules, dict) {
    var stop = setOf(rules.stop), dropped = setOf(rules.negeer), particles = dict.particles;
    var fillers = setOf((rules.stop || []).concat(rules.vul || []));
    var short = rules.kort || {};  /* "mn ex" is "mijn ex", "wanna" is "want to" */
    var typed = [];
    wordsOf(text).map(function (w) { return w.replace(/[:^~*+]/g, ""); }).filter(Boolean).forEach(function (w) {
      typed = typed.concat(Object.prototype.hasOwnProperty.call(short, w) ? short[w].split(" ") : [w]);
    });
    var words = [];
    joined(typed, stop, dict).forEach(function (word) {
      words = words.concat(stop[word] || /^\d+$/.test(word) ? [word] : normalise(word, dict));
    });
    words = words.map(function (w) { return w.replace(/[:^~*+]/g, ""); }).filter(Boolean);
    var terms = words.filter(function (w) { return !stop[w] && !dropped[w]; });
    if (!terms.length) terms = words.filter(function (w) { return !dropped[w]; });
    if (!terms.length) terms = words;
    /* As normalised, as typed (a typo fix may turn a real word into another one), with a slip mended
     * towards a danger word, and in spoken words (SPOKEN_OF in tools/content/vocabulary.py: "me man", "slaat haar"). */
    var spoken = rules.spreek || {};
    var readings = [words, typed, repaired(typed, dangerWords(rules), dict),
      typed.map(function (w) { return Object.prototype.hasOwnProperty.call(spoken, w) ? spoken[w] : w; })];
    /* The readings are often the same words: match each distinct one once. */
    var distinct = function (list) {
      var seen = Object.create(null);
      return list.filter(function (r) { var k = r.join("\u0001"); return seen[k] ? false : (seen[k] = true); });
    };
    var plain = distinct(readings.slice(0, 2));
    var found = function (patterns, whole, among, loose, gap) {
      return patterns.some(function (p) {
        return (among || plain).some(function (reading) {
          return matches(p, reading, fillers, particles, whole, loose, gap);
        });
      });
    };
    var calm = rules.geen_gevaar || [];
    var forDanger = readings.map(function (reading) { return calmed(reading, calm, fillers, particles); });
    var dangerReadings = distinct(forDanger);
    var bets = [], danger = false;
    (rules.samen || []).forEach(function (pair) {  /* a person and a harmful act: danger, in any order */
      if (bets.indexOf(pair.pagina) === -1 && found(pair.wie, false, dangerReadings) && found(pair.wat, false, dangerReadings, true)) {
        bets.push(pair.pagina);
        danger = true;
      }
    });
    (rules.voorrang || []).forEach(function (bet) {
      if (bets.indexOf(bet.pagina) === -1 && found(bet.patronen, !!bet.heel, bet.gevaar ? dangerReadings : null, !!bet.gevaar, bet.tussen || 0)) {
        bets.push(bet.pagina);
        danger = danger || !!bet.gevaar;
      }
    });
    /* "behalve": words that show someone else asks ("de kinderen": a parent who says "papa"). */
    var groups = (rules.groepen || []).filter(function (g) { return found(g.patronen) && !found(g.behalve || []); });
    /* A professional asking ("leerling", "meldcode"): their pages above the safety page. */
    var above = groups.some(function (g) { return g.boven_gevaar; }) ? 1 : 0;
    var excluded = (rules.nooit || []).filter(function (rule) {
      return bets.indexOf(rule.pagina) === -1 && words.some(function (w) {
        return rule.woorden.some(function (p) { return wordMatches(p, w, particles); });
      });
    }).map(function (rule) { return rule.pagina; });
    var calmedSome = forDanger.some(function (reading, i) { return reading.join(" ") !== readings[i].join(" "); });
    if (!danger && calmedSome) {  /* "dreigt met een advocaat": not the safety page either */
      (rules.samen || []).forEach(function (pair) { excluded.push(pair.pagina); });
      (rules.voorrang || []).forEach(function (bet) { if (bet.gevaar) excluded.push(bet.pagina); });
    }
    /* Material makes every word a prefix ("mis" finds "mishandeling", "huis" finds "huiselijk").
     * Short words count only as typed (the last one stays a prefix: it may still be typed);
     * longer words count as typed more than as a beginning. */
    var parts = [], list = unique(terms), keyWords = setOf(rules.kern);
    list.forEach(function (t, i) {
      /* A long question matches many pages on side words ("kids", "separation" in the editors'
       * phrases); a word an editor gave a page on its own ("christmas") names the topic: it counts more. */
      if (keyWords[t] && list.length > 1) {
        parts.push(t + "^" + KEY_BOOST);
        if (t.length > 3) parts.push(t);  /* short: as typed only */
      } else if (t.length <= 2 || (t.length === 3 && i < list.length - 1)) parts.push(t + "^1");
      else parts.push(t + "^" + EXACT_BOOST, t);
    });
    bets.slice(0, 3).forEach(function (page, rank) { parts.push(marker(page) + "^" + BET_BOOSTS[rank + above]); });
    /* One audience may have several entries (words above danger, and not): its highest boost once. */
    var boosts = {}, order = [];
    groups.forEach(function (g) {
      var b = g.boven_gevaar ? ABOVE_DANGER_BOOST : AUDIENCE_BOOST;
      if (!(g.marker in boosts)) order.push(g.marker);
      boosts[g.marker] = Math.max(boosts[g.marker] || 0, b);
    });
    order.forEach(function (m) { parts.push(m + "^" + boosts[m]); });
    unique(excluded).forEach(function (page) { parts.push("-" + marker(page)); });
    var net = rules.vangnet || {};
    /* An editor's best bet ("verblijfsvergunning") says which page comes first: the net does not overrule it. */
    var caught = !!net.pagina && !danger && !above && !bets.length && found(net.wie || [], false, dangerReadings);
    return { query: parts.join(" ") || text, danger: danger, bets: bets, net: caught };
  }

  /* The safety net (Python twin: tools/content/vocabulary.safety_net): danger in words no list has
   * yet. A query that names someone from home and whose results by content have the safety page
   * among the first few gets that page first, with the help line. Material groups results per page;
   * a group's items carry the page's location (relative to the language root). */
  function safetyFirst(items, net) {
    var within = Math.min(items.length, net.plaatsen || 0);
    for (var i = 0; i < within; i++) {
      var group = items[i] || [];
      var isSafety = group.some(function (item) { return String(item.location || "").split("#")[0] === net.pagina; });
      if (isSafety) {
        if (i > 0) items.unshift(items.splice(i, 1)[0]);
        return true;
      }
    }
    return false;
  }

  function start(root) {
    var help = root.querySelector("[data-rs-zoekhulp]");
    var state = { rules: null, docs: null, dict: null, pending: null, fetching: false, nets: [] };
    var send = Worker.prototype.postMessage, listen = Worker.prototype.addEventListener;

    function show(danger) {
      if (danger) root.setAttribute("data-rs-gevaar", "");
      else root.removeAttribute("data-rs-gevaar");
      if (help) help.hidden = !danger;
    }

    function rewrite(text) {
      if (!text.trim()) { show(false); return text; }
      if (!state.dict) state.dict = new Dictionary(state.docs || [], setOf((state.rules || {}).deeltjes));
      var plan = planQuery(text, state.rules, state.dict);
      show(plan.danger);
      state.nets[state.nets.length - 1] = plan.net;
      return plan.query || text;
    }

    /* The worker answers queries in order: one entry per query sent, read by its result. */
    function onResult(data) {
      var net = state.nets.length ? state.nets.shift() : false;
      var items = data && data.data && data.data.items;
      if (net && items && state.rules && safetyFirst(items, state.rules.vangnet || {})) show(true);
    }

    /* Our script may run after Material sent its setup message (the index came from the cache):
     * then read the same index once ourselves and redo the latest query. */
    function fetchRules(worker) {
      if (state.fetching) return;
      state.fetching = true;
      var config = JSON.parse(document.getElementById("__config").textContent);
      fetch(new URL("search/search_index.json", new URL(config.base, location.href)).href, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (index) {
          if (state.rules) return;
          state.rules = (index.config || {}).rs_zoeken || null;
          state.docs = index.docs || [];
          if (state.rules && state.pending !== null) {
            state.nets.push(false);
            send.call(worker, { type: QUERY, data: rewrite(state.pending) });
          }
        })["catch"](function () { /* search keeps working without the vocabulary */ });
    }

    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      try {
        if (message && message.type === SETUP && message.data && message.data.config) {
          state.rules = message.data.config.rs_zoeken || null;
          state.docs = message.data.docs || [];
          state.dict = null;
        } else if (message && message.type === QUERY && typeof message.data === "string") {
          state.pending = message.data;
          state.nets.push(false);
          if (state.rules) args[0] = { type: QUERY, data: rewrite(message.data) };
          else fetchRules(this);
        }
      } catch (err) {
        show(false);  /* never break Material's search */
      }
      return send.apply(this, args);
    };

    /* Material reads the worker's answers through addEventListener("message"): results pass
     * onResult first (it may put the safety page first). */
    var wrapped = typeof WeakMap === "function" ? new WeakMap() : null, unlisten = Worker.prototype.removeEventListener;
    Worker.prototype.addEventListener = function (type, listener) {
      var args = Array.prototype.slice.call(arguments);
      if (type === "message" && typeof listener === "function" && wrapped) {
        if (!wrapped.has(listener)) {
          wrapped.set(listener, function (event) {
            try {
              if (event && event.data && event.data.type === RESULT) onResult(event.data);
            } catch (err) { /* never break Material's search */ }
            return listener.apply(this, arguments);
          });
        }
        args[1] = wrapped.get(listener);
      }
      return listen.apply(this, args);
    };
    Worker.prototype.removeEventListener = function (type, listener) {
      var args = Array.prototype.slice.call(arguments);
      if (type === "message" && wrapped && wrapped.has(listener)) args[1] = wrapped.get(listener);
      return unlisten.apply(this, args);
    };

    /* The word list costs about 25 ms (100 ms on a slow phone): build it when someone starts to
     * search (focus on the field), not on every page load; else at the first query. */
    root.addEventListener("focusin", function () {
      if (state.dict || !state.rules) return;
      var build = function () {
        try {
          if (!state.dict && state.rules) state.dict = new Dictionary(state.docs || [], setOf((state.rules || {}).deeltjes));
        } catch (err) { /* built at the first query instead */ }
      };
      if (window.requestIdleCallback) window.requestIdleCallback(build); else window.setTimeout(build, 50);
    });

    /* For tests and the curious: the plan of a query, as the worker receives it. */
    root.rsZoekPlan = function (text) {
      if (!state.rules) return null;
      if (!state.dict) state.dict = new Dictionary(state.docs || [], setOf((state.rules || {}).deeltjes));
      return planQuery(text, state.rules, state.dict);
    };
  }

  try {
    var root = document.querySelector("[data-rs-zoeken]");
    if (root && typeof Worker !== "undefined" && Worker.prototype.postMessage) start(root);
  } catch (err) {
    /* wrapped: a failure here must not break the other components */
  }
})();
