// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title OcmfPayloads
/// @notice Reads what a payment request needs out of an OCMF payload — the JSON object a meter signs —
/// as the SDK's OcmfRecord and EtrVerifier read it: the pagination counter as the nonce (its letter in
/// the high bits), the first begin reading's time as delivery date and slot (the first reading's when
/// there is no begin reading), the begin reading's OBIS register as the direction, and the energy between
/// the first begin and the last end reading. The mapping from payload to offer fields is computed here
/// rather than trusted from the caller, so a fleet operator cannot point the contract at another field.
/// @dev The scanner tracks strings (with escapes) and nesting only; it does not validate JSON grammar in
/// full. That is enough because a payload reaches it only with a valid meter signature: its structure
/// is the meter's, and only the choice of fields was ever in the caller's hands.
library OcmfPayloads {
    /// @notice The fields of one payload. `wellFormed` is false when the SDK would refuse to parse it.
    struct Record {
        bool wellFormed;
        uint256 nonce;
        uint32 deliveryDate; // days since 1970-01-01, UTC
        uint16 startSlot; // 15-minute slot of the UTC day
        uint8 direction; // 0 positive (import register 1), 1 negative (export register 2), 255 neither
        bool energyValid; // a begin and an end reading in kWh or Wh, a whole non-negative difference
        uint64 energyWh;
    }

    // A span of the payload: start index and length.
    struct Span {
        uint256 start;
        uint256 length;
    }

    struct Reading {
        Span time; // TM
        Span kind; // TX: B(egin), E(nd)…
        Span value; // RV, a JSON number
        Span unit; // RU
        Span obis; // RI
        bool hasTime;
        bool hasValue;
        bool hasUnit;
        bool hasObis;
    }

    struct Scan {
        Span pagination;
        bool hasPagination;
        bool hasReadings;
        uint256 readings;
        Reading first;
        Reading begin;
        Reading end;
        bool hasBegin;
        bool hasEnd;
    }

    bytes32 private constant KEY_PG = keccak256("PG");
    bytes32 private constant KEY_RD = keccak256("RD");
    bytes32 private constant KEY_TM = keccak256("TM");
    bytes32 private constant KEY_TX = keccak256("TX");
    bytes32 private constant KEY_RV = keccak256("RV");
    bytes32 private constant KEY_RU = keccak256("RU");
    bytes32 private constant KEY_RI = keccak256("RI");

    /// @notice The payment-relevant fields of `payload`.
    function read(bytes calldata payload) internal pure returns (Record memory record) {
        (Scan memory scan, bool ok) = _scan(payload);
        if (!ok || !scan.hasPagination || !scan.hasReadings || scan.readings == 0) return record;
        bool validNonce;
        (validNonce, record.nonce) = _nonce(payload, scan.pagination);
        if (!validNonce) return record;
        Reading memory start = scan.hasBegin ? scan.begin : scan.first;
        (, uint256 seconds_) = _time(payload, start.time);
        record.wellFormed = true;
        record.deliveryDate = uint32(seconds_ / 86_400);
        record.startSlot = uint16((seconds_ % 86_400) / 900);
        record.direction = scan.hasBegin && scan.begin.hasObis ? _direction(payload, scan.begin.obis) : 255;
        (record.energyValid, record.energyWh) = _energy(payload, scan);
    }

    // One pass over the payload: keys at depth 1 (the payload object) and depth 3 (a reading object in the
    // RD array at depth 2); a later duplicate key overrides an earlier one.
    function _scan(bytes calldata p) private pure returns (Scan memory scan, bool ok) {
        uint256 depth;
        bytes32 key1;
        bytes32 key3;
        bool inReadings;
        Reading memory current;
        uint256 i;
        while (i < p.length) {
            bytes1 c = p[i];
            if (c == '"') {
                uint256 start = i + 1;
                i = _stringEnd(p, start);
                if (i >= p.length) return (scan, false);
                uint256 next = _skipSpace(p, i + 1);
                if (next < p.length && p[next] == ":") {
                    bytes32 key = keccak256(p[start:i]);
                    if (depth == 1) key1 = key;
                    else if (depth == 3) key3 = key;
                    i = next + 1;
                    continue;
                }
                Span memory value = Span(start, i - start);
                if (depth == 1 && key1 == KEY_PG) (scan.pagination, scan.hasPagination) = (value, true);
                if (depth == 3 && inReadings) {
                    if (key3 == KEY_TM) (current.time, current.hasTime) = (value, true);
                    else if (key3 == KEY_TX) current.kind = value;
                    else if (key3 == KEY_RU) (current.unit, current.hasUnit) = (value, true);
                    else if (key3 == KEY_RI) (current.obis, current.hasObis) = (value, true);
                    else if (key3 == KEY_RV) return (scan, false); // a reading value is a number
                }
                i++;
            } else if (c == "{" || c == "[") {
                depth++;
                if (depth == 2 && c == "[" && key1 == KEY_RD) (inReadings, scan.hasReadings) = (true, true);
                if (depth == 3 && inReadings) {
                    current = Reading(Span(0, 0), Span(0, 0), Span(0, 0), Span(0, 0), Span(0, 0), false, false, false, false);
                    key3 = 0;
                }
                i++;
            } else if (c == "}" || c == "]") {
                if (depth == 0) return (scan, false);
                if (depth == 3 && inReadings && c == "}" && !_finishReading(p, scan, current)) return (scan, false);
                if (depth == 2) inReadings = false;
                depth--;
                i++;
            } else if (c == "," || c == ":" || _isSpace(c)) {
                i++;
            } else {
                // A number, true, false or null.
                uint256 start = i;
                while (i < p.length && !_endsScalar(p[i])) i++;
                if (depth == 3 && inReadings && key3 == KEY_RV) (current.value, current.hasValue) = (Span(start, i - start), true);
            }
        }
        ok = depth == 0;
    }

    // Every reading needs a valid time and, when present, a valid value (the SDK parses them all).
    function _finishReading(bytes calldata p, Scan memory scan, Reading memory reading) private pure returns (bool) {
        if (!reading.hasTime) return false;
        (bool timeOk,) = _time(p, reading.time);
        if (!timeOk) return false;
        if (reading.hasValue) {
            (bool valueOk,,) = _decimal(p, reading.value);
            if (!valueOk) return false;
        }
        if (scan.readings == 0) scan.first = _copy(reading);
        scan.readings++;
        if (!scan.hasBegin && _equals(p, reading.kind, "B")) (scan.begin, scan.hasBegin) = (_copy(reading), true);
        if (_equals(p, reading.kind, "E")) (scan.end, scan.hasEnd) = (_copy(reading), true);
        return true;
    }

    function _copy(Reading memory r) private pure returns (Reading memory) {
        return Reading(r.time, r.kind, r.value, r.unit, r.obis, r.hasTime, r.hasValue, r.hasUnit, r.hasObis);
    }

    // T or F and up to 19 digits; the letter's code above the 64-bit counter, as OcmfRecord.Nonce.
    function _nonce(bytes calldata p, Span memory pg) private pure returns (bool, uint256) {
        if (pg.length < 2 || pg.length > 20) return (false, 0);
        bytes1 letter = p[pg.start];
        if (letter != "T" && letter != "F") return (false, 0);
        (bool ok, uint256 counter) = _digits(p, pg.start + 1, pg.length - 1);
        if (!ok || counter > type(uint64).max) return (false, 0);
        return (true, (uint256(uint8(letter)) << 64) + counter);
    }

    // OCMF time "2018-07-24T13:22:04,000+0200 S": seconds since 1970 in UTC.
    function _time(bytes calldata p, Span memory span) private pure returns (bool ok, uint256 utcSeconds) {
        if (span.length < 24) return (false, 0);
        uint256 s = span.start;
        if (p[s + 4] != "-" || p[s + 7] != "-" || p[s + 10] != "T" || p[s + 13] != ":" || p[s + 16] != ":") return (false, 0);
        uint256[6] memory parts; // year, month, day, hour, minute, second
        uint8[6] memory offsets = [0, 5, 8, 11, 14, 17];
        uint8[6] memory width = [4, 2, 2, 2, 2, 2];
        for (uint256 k = 0; k < 6; k++) {
            bool digits;
            (digits, parts[k]) = _digits(p, s + offsets[k], width[k]);
            if (!digits) return (false, 0);
        }
        if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > _daysInMonth(parts[0], parts[1]) || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
            return (false, 0);
        }
        uint256 i = s + 19;
        uint256 stop = s + span.length;
        if (i < stop && (p[i] == "," || p[i] == ".")) {
            i++;
            uint256 fraction = i;
            while (i < stop && p[i] >= "0" && p[i] <= "9") i++;
            if (i == fraction) return (false, 0);
        }
        if (i + 5 > stop || (p[i] != "+" && p[i] != "-") || (i + 5 < stop && p[i + 5] != " ")) return (false, 0);
        (bool hoursOk, uint256 offsetHours) = _digits(p, i + 1, 2);
        (bool minutesOk, uint256 offsetMinutes) = _digits(p, i + 3, 2);
        if (!hoursOk || !minutesOk || offsetHours > 14 || offsetMinutes > 59) return (false, 0);
        uint256 local = _daysFromCivil(parts[0], parts[1], parts[2]) * 86_400 + parts[3] * 3600 + parts[4] * 60 + parts[5];
        uint256 offset = offsetHours * 3600 + offsetMinutes * 60;
        if (p[i] == "+") {
            if (offset > local) return (false, 0);
            return (true, local - offset);
        }
        return (true, local + offset);
    }

    // Days since 1970-01-01 of a proleptic Gregorian date from 1970 on (Howard Hinnant's days_from_civil).
    function _daysFromCivil(uint256 year, uint256 month, uint256 day) private pure returns (uint256) {
        if (month <= 2) year -= 1;
        uint256 era = year / 400;
        uint256 yearOfEra = year - era * 400;
        uint256 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        uint256 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    function _daysInMonth(uint256 year, uint256 month) private pure returns (uint256) {
        if (month == 2) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    // The OBIS register after the last ':' and before the next '.', leading zeros dropped: 1 imports (positive), 2 exports (negative).
    function _direction(bytes calldata p, Span memory obis) private pure returns (uint8) {
        uint256 i = obis.start;
        uint256 stop = obis.start + obis.length;
        for (uint256 k = obis.start; k < stop; k++) {
            if (p[k] == ":") i = k + 1;
        }
        while (i < stop && p[i] == "0") i++;
        uint256 registerEnd = i;
        while (registerEnd < stop && p[registerEnd] != ".") registerEnd++;
        if (registerEnd != i + 1) return 255;
        if (p[i] == "1") return 0;
        if (p[i] == "2") return 1;
        return 255;
    }

    // (end − begin) × unit factor, whole and non-negative; the begin reading's unit, else the end's.
    function _energy(bytes calldata p, Scan memory scan) private pure returns (bool, uint64) {
        if (!scan.hasBegin || !scan.hasEnd) return (false, 0);
        Span memory unit = scan.begin.hasUnit ? scan.begin.unit : scan.end.unit;
        if (!scan.begin.hasUnit && !scan.end.hasUnit) return (false, 0);
        uint256 factor;
        if (_equals(p, unit, "kWh")) factor = 1000;
        else if (_equals(p, unit, "Wh")) factor = 1;
        else return (false, 0);
        (, int256 beginValue, uint256 beginScale) = _valueOf(p, scan.begin);
        (, int256 endValue, uint256 endScale) = _valueOf(p, scan.end);
        uint256 scale = beginScale > endScale ? beginScale : endScale;
        int256 difference = endValue * int256(10 ** (scale - endScale)) - beginValue * int256(10 ** (scale - beginScale));
        if (difference < 0) return (false, 0);
        uint256 scaled = uint256(difference) * factor;
        uint256 unitOfScale = 10 ** scale;
        if (scaled % unitOfScale != 0 || scaled / unitOfScale > type(uint64).max) return (false, 0);
        return (true, uint64(scaled / unitOfScale));
    }

    // A reading without a value reads 0, as in the SDK.
    function _valueOf(bytes calldata p, Reading memory reading) private pure returns (bool, int256, uint256) {
        return reading.hasValue ? _decimal(p, reading.value) : (true, int256(0), uint256(0));
    }

    // A plain decimal number: optional '-', digits, optional '.' and digits (at most 28 digits in all, as a .NET decimal).
    function _decimal(bytes calldata p, Span memory span) private pure returns (bool ok, int256 mantissa, uint256 scale) {
        uint256 i = span.start;
        uint256 stop = span.start + span.length;
        bool negative = i < stop && p[i] == "-";
        if (negative) i++;
        uint256 value;
        uint256 digits;
        bool point;
        for (; i < stop; i++) {
            bytes1 c = p[i];
            if (c == "." && !point && digits > 0) {
                point = true;
            } else if (c >= "0" && c <= "9") {
                value = value * 10 + uint8(c) - 48;
                digits++;
                if (point) scale++;
            } else {
                return (false, 0, 0);
            }
        }
        if (digits == 0 || digits > 28 || (point && scale == 0)) return (false, 0, 0);
        return (true, negative ? -int256(value) : int256(value), scale);
    }

    function _digits(bytes calldata p, uint256 start, uint256 length) private pure returns (bool, uint256 value) {
        for (uint256 i = start; i < start + length; i++) {
            bytes1 c = p[i];
            if (c < "0" || c > "9") return (false, 0);
            value = value * 10 + uint8(c) - 48;
        }
        return (length > 0, value);
    }

    function _equals(bytes calldata p, Span memory span, bytes memory text) private pure returns (bool) {
        return span.length == text.length && keccak256(p[span.start:span.start + span.length]) == keccak256(text);
    }

    // The index of the quote closing a string whose content starts at `i`, past escaped characters.
    function _stringEnd(bytes calldata p, uint256 i) private pure returns (uint256) {
        while (i < p.length) {
            bytes1 c = p[i];
            if (c == "\\") i += 2;
            else if (c == '"') return i;
            else i++;
        }
        return p.length;
    }

    function _skipSpace(bytes calldata p, uint256 i) private pure returns (uint256) {
        while (i < p.length && _isSpace(p[i])) i++;
        return i;
    }

    function _isSpace(bytes1 c) private pure returns (bool) {
        return c == " " || c == "\t" || c == "\n" || c == "\r";
    }

    function _endsScalar(bytes1 c) private pure returns (bool) {
        return c == "," || c == "}" || c == "]" || _isSpace(c);
    }
}
