// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {V2VGeometry} from "./V2VGeometry.sol";
import {V2VBatchTree} from "./V2VBatchTree.sol";
import {
    Unauthorized, InvalidFormat, Conflict, NotFound, DeadlineNotReached, InvalidSignature,
    UnknownPseudonym, PseudonymExpired, OutsideCertificateWindow, PseudonymExcluded
} from "./V2VErrors.sol";

/// @title V2VMap
/// @notice The obstacle map, the Solidity twin of the SDK's V2VChaincode: pseudonym certificates by the enrolment
/// issuer, report anchoring one by one or in signed batches under a Merkle root, the matching decided when a report is
/// anchored (V2VGeometry, the same integers as the C# function), confirmations, expiry, negation, reputation,
/// exclusion and the authorities' reads. All state is public to node operators; the authority-only reads check the
/// caller of the call only.
contract V2VMap {
    uint8 internal constant ACTIVE = 1;
    uint8 internal constant EXPIRED = 2;
    uint8 internal constant NEGATED = 3;
    uint256 internal constant MAX_AREA_CELLS = 400;
    uint256 internal constant MAX_REPORTERS = 100;
    uint256 internal constant MAX_CONTENT_ID = 128;

    /// @notice Deployment settings, as V2VOptions.
    struct Settings {
        address issuer;
        address[] authorities;
        int256 radiusMm;
        int256 windowMs;
        uint64 expirySeconds;
        int256 cellSize;
        uint64 maxCertificateSeconds;
        uint256 maxBatchSize;
        int64 confirmationReward;
        int64 expiryPenalty;
        int64 contradictionPenalty;
        int64 flagThreshold;
    }

    struct Certificate {
        uint64 validFrom;
        uint64 validUntil;
        bool excluded;
        bool exists;
    }

    struct Reputation {
        int64 score;
        uint64 confirmations;
        uint64 expired;
        uint64 contradicted;
    }

    struct Obstacle {
        uint64 id;
        uint8 kind;
        int32 lat;
        int32 lon;
        bool dynamic;
        uint16 velocity;
        uint16 bearing;
        uint64 referenceAt;
        uint64 lastDetectedAt;
        address firstReporter;
        bytes32 firstReport;
        uint32 reports;
        uint32 confirmations;
        uint64 mappedAt;
        uint64 lastConfirmedAt;
        uint8 status;
    }

    struct Anchor {
        bytes32 digest;
        string contentId;
        address reporter;
        uint64 obstacleId;
        uint64 sequence;
        uint64 anchoredAt;
        bytes32 batchRoot;
        bool confirmed;
        bool flagged;
        int32 lat;
        int32 lon;
        uint8 kind;
        uint64 detectedAt;
    }

    struct Batch {
        bytes32 root;
        uint32 size;
        address submitter;
        uint64 anchoredAt;
        uint64 firstSequence;
    }

    /// @notice An area (bounds inclusive) and a window of block times.
    struct Area {
        int32 south;
        int32 west;
        int32 north;
        int32 east;
        uint64 since;
        uint64 until;
    }

    /// @notice One report of a batch: its canonical bytes, content id and reporter's signature.
    struct SignedReport {
        bytes report;
        string contentId;
        bytes signature;
    }

    struct Report {
        bytes32 digest;
        address reporter;
        uint64 detectedAt;
        V2VGeometry.Sighting sighting;
        bool dynamic;
        uint16 velocity;
        uint16 bearing;
    }

    event CertificateIssued(address pseudonym, uint64 validFrom, uint64 validUntil);
    event Exclusion(address pseudonym, uint64 validFrom, uint64 validUntil);
    event ReportAnchored(bytes32 digest, uint64 obstacleId, bool mapped, bool confirmed, uint64 sequence);
    event BatchAnchored(bytes32 root, uint32 size, address submitter, uint64 anchoredAt, uint64 firstSequence);
    event ObstacleMapped(Obstacle obstacle);
    event ObstacleConfirmed(uint64 obstacleId, bytes32 digest, address reporter, address firstReporter, bool counted);
    event ObstacleExpired(uint64 obstacleId, address firstReporter, uint32 confirmations, address by);
    event ObstacleNegated(uint64 obstacleId, address firstReporter, uint32 confirmations, address by);

    Settings private _settings;
    mapping(address => bool) private _authority;
    mapping(address => Certificate) private _certificates;
    mapping(address => Reputation) private _reputations;
    Obstacle[] private _obstacles;
    mapping(bytes32 => Anchor) private _anchors;
    mapping(bytes32 => Batch) private _batches;
    mapping(bytes32 => uint64[]) private _activeInCell;
    mapping(uint64 => bytes32[]) private _cellsOf;
    mapping(uint64 => mapping(address => bool)) private _confirmedBy;
    mapping(bytes32 => bytes32[]) private _reportsInCell;
    mapping(address => bytes32[]) private _reportsOf;
    uint64 private _sequence;

    constructor(Settings memory settings) {
        _settings = settings;
        for (uint256 i = 0; i < settings.authorities.length; i++) {
            _authority[settings.authorities[i]] = true;
        }
    }

    // ---- Pseudonyms ----

    /// @notice Certifies a trip address for a window of block times (the issuer only).
    function certify(address pseudonym, uint64 validFrom, uint64 validUntil) external {
        if (msg.sender != _settings.issuer) revert Unauthorized(msg.sender);
        if (pseudonym == address(0)) revert InvalidFormat("pseudonym");
        if (validUntil <= validFrom || validUntil - validFrom > _settings.maxCertificateSeconds) revert InvalidFormat("window");
        if (_certificates[pseudonym].exists) revert Conflict("already certified");
        _certificates[pseudonym] = Certificate(validFrom, validUntil, false, true);
        emit CertificateIssued(pseudonym, validFrom, validUntil);
    }

    /// @notice Excludes a pseudonym (authorities only).
    function exclude(address pseudonym) external {
        if (!_authority[msg.sender]) revert Unauthorized(msg.sender);
        Certificate storage c = _certificates[pseudonym];
        if (!c.exists) revert NotFound("certificate");
        if (c.excluded) revert Conflict("already excluded");
        c.excluded = true;
        emit Exclusion(pseudonym, c.validFrom, c.validUntil);
    }

    /// @notice A trip address's certificate (exists false when there is none).
    function certificate(address pseudonym) external view returns (Certificate memory) {
        return _certificates[pseudonym];
    }

    /// @notice A pseudonym's reputation.
    function reputation(address pseudonym) external view returns (Reputation memory) {
        return _reputations[pseudonym];
    }

    // ---- Anchoring ----

    /// @notice Anchors one report; its reporter sends it.
    function anchorReport(bytes calldata canonicalReport, string calldata contentId) external returns (bytes32 digest, uint64 obstacleId, bool mapped, bool confirmed) {
        Report memory r = _decode(canonicalReport);
        if (r.reporter != msg.sender) revert Unauthorized(msg.sender);
        _checkContentId(contentId);
        uint64 sequence = _sequence + 1;
        (obstacleId, mapped, confirmed) = _anchor(r, contentId, bytes32(0), sequence);
        digest = r.digest;
        _sequence = sequence;
    }

    /// @notice Anchors a batch of signed reports under its Merkle root (anyone sends it).
    function anchorBatch(SignedReport[] calldata reports) external returns (bytes32 batchRoot) {
        uint256 n = reports.length;
        if (n == 0 || n > _settings.maxBatchSize) revert InvalidFormat("batch size");
        Report[] memory decoded = new Report[](n);
        bytes32[] memory digests = new bytes32[](n);
        for (uint256 i = 0; i < n; i++) {
            Report memory r = _decode(reports[i].report);
            (address signer, ECDSA.RecoverError failure,) =
                ECDSA.tryRecover(keccak256(abi.encodePacked("ValueChain.V2V.Report.v1", r.digest)), reports[i].signature);
            if (failure != ECDSA.RecoverError.NoError || signer != r.reporter) revert InvalidSignature(r.digest);
            for (uint256 j = 0; j < i; j++) {
                if (digests[j] == r.digest) revert Conflict("report twice in batch");
            }
            _checkContentId(reports[i].contentId);
            decoded[i] = r;
            digests[i] = r.digest;
        }

        batchRoot = V2VBatchTree.root(digests);
        if (_batches[batchRoot].size != 0) revert Conflict("batch already anchored");
        uint64 first = _sequence + 1;
        for (uint256 i = 0; i < n; i++) {
            _anchor(decoded[i], reports[i].contentId, batchRoot, first + uint64(i));
        }
        _sequence = first + uint64(n) - 1;
        _batches[batchRoot] = Batch(batchRoot, uint32(n), msg.sender, uint64(block.timestamp), first);
        emit BatchAnchored(batchRoot, uint32(n), msg.sender, uint64(block.timestamp), first);
    }

    struct Outcome {
        uint64 obstacleId;
        bool mapped;
        bool confirmed;
        bool flagged;
    }

    function _anchor(Report memory r, string calldata contentId, bytes32 batchRoot, uint64 sequence) private returns (uint64, bool, bool) {
        if (_anchors[r.digest].sequence != 0) revert Conflict("report already anchored");
        _requireCertified(r.reporter, r.detectedAt);
        (int256 latCell, int256 lonCell) = V2VGeometry.cellOf(r.sighting.lat, r.sighting.lon, _settings.cellSize);
        bytes32 cell = V2VGeometry.cellKey(latCell, lonCell);
        Outcome memory outcome = _matchAndApply(r, latCell, lonCell, cell);
        Anchor storage a = _anchors[r.digest];
        a.digest = r.digest;
        a.contentId = contentId;
        a.reporter = r.reporter;
        a.obstacleId = outcome.obstacleId;
        a.sequence = sequence;
        a.anchoredAt = uint64(block.timestamp);
        a.batchRoot = batchRoot;
        a.confirmed = outcome.confirmed;
        a.flagged = outcome.flagged;
        a.lat = r.sighting.lat;
        a.lon = r.sighting.lon;
        a.kind = r.sighting.kind;
        a.detectedAt = r.detectedAt;
        _reportsInCell[cell].push(r.digest);
        _reportsOf[r.reporter].push(r.digest);
        emit ReportAnchored(r.digest, outcome.obstacleId, outcome.mapped, outcome.confirmed, sequence);
        return (outcome.obstacleId, outcome.mapped, outcome.confirmed);
    }

    // Lapsed obstacles around expire first (which may cost the reporter), then the flag is read, then the match applies.
    function _matchAndApply(Report memory r, int256 latCell, int256 lonCell, bytes32 cell) private returns (Outcome memory outcome) {
        (V2VGeometry.Candidate[] memory candidates, uint256 count) = _activeNear(latCell, lonCell);
        uint64 matched = V2VGeometry.matchOf(r.sighting, candidates, count, _settings.radiusMm, _settings.windowMs);
        outcome.flagged = _reputations[r.reporter].score < _settings.flagThreshold;
        if (matched != 0) {
            outcome.obstacleId = matched;
            outcome.confirmed = _confirm(matched, r, cell);
        } else {
            outcome.obstacleId = _map(r, cell);
            outcome.mapped = true;
        }
    }

    function _map(Report memory r, bytes32 cell) private returns (uint64 id) {
        id = uint64(_obstacles.length + 1);
        uint64 nowSeconds = uint64(block.timestamp);
        Obstacle memory o = Obstacle(
            id, r.sighting.kind, r.sighting.lat, r.sighting.lon, r.dynamic, r.velocity, r.bearing, r.detectedAt, r.detectedAt,
            r.reporter, r.digest, 1, 0, nowSeconds, nowSeconds, ACTIVE);
        _obstacles.push(o);
        _index(id, cell);
        emit ObstacleMapped(o);
    }

    function _confirm(uint64 id, Report memory r, bytes32 cell) private returns (bool counted) {
        Obstacle storage o = _obstacles[id - 1];
        counted = r.reporter != o.firstReporter && !_confirmedBy[id][r.reporter] && _validAt(o.firstReporter, uint64(block.timestamp));
        o.reports += 1;
        if (r.detectedAt > o.lastDetectedAt) o.lastDetectedAt = r.detectedAt;
        if (counted) {
            o.confirmations += 1;
            o.lastConfirmedAt = uint64(block.timestamp);
            _confirmedBy[id][r.reporter] = true;
            _adjust(o.firstReporter, 1, 0, 0);
        }
        if (o.dynamic) _index(id, cell);
        emit ObstacleConfirmed(id, r.digest, r.reporter, o.firstReporter, counted);
    }

    function _index(uint64 id, bytes32 cell) private {
        bytes32[] storage cells = _cellsOf[id];
        for (uint256 i = 0; i < cells.length; i++) {
            if (cells[i] == cell) return;
        }
        cells.push(cell);
        _activeInCell[cell].push(id);
    }

    // The active obstacles in the 3 × 3 cells around a cell; in a transaction, lapsed ones expire first, by id.
    function _activeNear(int256 latCell, int256 lonCell) private returns (V2VGeometry.Candidate[] memory candidates, uint256 count) {
        uint256 total = 0;
        for (int256 dLat = -1; dLat <= 1; dLat++) {
            for (int256 dLon = -1; dLon <= 1; dLon++) {
                total += _activeInCell[V2VGeometry.cellKey(latCell + dLat, lonCell + dLon)].length;
            }
        }
        candidates = new V2VGeometry.Candidate[](total);
        uint64[] memory lapsed = new uint64[](total);
        uint256 lapsedCount = 0;
        for (int256 dLat = -1; dLat <= 1; dLat++) {
            for (int256 dLon = -1; dLon <= 1; dLon++) {
                uint64[] storage ids = _activeInCell[V2VGeometry.cellKey(latCell + dLat, lonCell + dLon)];
                for (uint256 i = 0; i < ids.length; i++) {
                    Obstacle storage o = _obstacles[ids[i] - 1];
                    if (_lapsed(o)) {
                        if (!_contains(lapsed, lapsedCount, o.id)) lapsed[lapsedCount++] = o.id;
                    } else {
                        candidates[count++] = V2VGeometry.Candidate(o.id, o.kind, o.lat, o.lon, o.dynamic, o.velocity, o.bearing, o.referenceAt, o.lastDetectedAt);
                    }
                }
            }
        }
        _sort(lapsed, lapsedCount);
        for (uint256 i = 0; i < lapsedCount; i++) {
            _close(lapsed[i], EXPIRED, address(0));
        }
    }

    function _contains(uint64[] memory ids, uint256 count, uint64 id) private pure returns (bool) {
        for (uint256 i = 0; i < count; i++) {
            if (ids[i] == id) return true;
        }
        return false;
    }

    function _sort(uint64[] memory ids, uint256 count) private pure {
        for (uint256 i = 1; i < count; i++) {
            uint64 v = ids[i];
            uint256 j = i;
            while (j > 0 && ids[j - 1] > v) {
                ids[j] = ids[j - 1];
                j--;
            }
            ids[j] = v;
        }
    }

    function _lapsed(Obstacle storage o) private view returns (bool) {
        return block.timestamp - o.lastConfirmedAt >= _settings.expirySeconds;
    }

    // ---- Negation and expiry ----

    /// @notice Reports an obstacle gone (a certified pseudonym other than its first reporter).
    function negate(uint64 obstacleId) external {
        _requireCertified(msg.sender, uint64(block.timestamp) * 1000);
        Obstacle storage o = _active(obstacleId);
        if (o.firstReporter == msg.sender) revert Unauthorized(msg.sender);
        if (_lapsed(o)) revert Conflict("expired");
        _close(obstacleId, NEGATED, msg.sender);
    }

    /// @notice Expires an obstacle the expiry time after its last confirmation (anyone).
    function expire(uint64 obstacleId) external {
        Obstacle storage o = _active(obstacleId);
        if (!_lapsed(o)) revert DeadlineNotReached(o.lastConfirmedAt + _settings.expirySeconds);
        _close(obstacleId, EXPIRED, address(0));
    }

    function _active(uint64 obstacleId) private view returns (Obstacle storage o) {
        if (obstacleId == 0 || obstacleId > _obstacles.length) revert NotFound("obstacle");
        o = _obstacles[obstacleId - 1];
        if (o.status != ACTIVE) revert Conflict("obstacle closed");
    }

    function _close(uint64 id, uint8 status, address by) private {
        Obstacle storage o = _obstacles[id - 1];
        o.status = status;
        bytes32[] storage cells = _cellsOf[id];
        for (uint256 i = 0; i < cells.length; i++) {
            uint64[] storage ids = _activeInCell[cells[i]];
            for (uint256 j = 0; j < ids.length; j++) {
                if (ids[j] == id) {
                    ids[j] = ids[ids.length - 1];
                    ids.pop();
                    break;
                }
            }
        }
        delete _cellsOf[id];
        if (o.confirmations == 0) {
            _adjust(o.firstReporter, 0, status == EXPIRED ? 1 : 0, status == NEGATED ? 1 : 0);
        }
        if (status == EXPIRED) emit ObstacleExpired(id, o.firstReporter, o.confirmations, by);
        else emit ObstacleNegated(id, o.firstReporter, o.confirmations, by);
    }

    function _adjust(address pseudonym, uint64 confirmations, uint64 expired, uint64 contradicted) private {
        Reputation storage r = _reputations[pseudonym];
        r.confirmations += confirmations;
        r.expired += expired;
        r.contradicted += contradicted;
        r.score = int64(r.confirmations) * _settings.confirmationReward - int64(r.expired) * _settings.expiryPenalty
            - int64(r.contradicted) * _settings.contradictionPenalty;
    }

    // ---- Certificates ----

    function _requireCertified(address pseudonym, uint64 detectedAtMs) private view {
        Certificate storage c = _certificates[pseudonym];
        if (!c.exists) revert UnknownPseudonym(pseudonym);
        if (c.excluded) revert PseudonymExcluded(pseudonym);
        if (block.timestamp < c.validFrom || block.timestamp > c.validUntil) revert PseudonymExpired(pseudonym, c.validFrom, c.validUntil);
        if (detectedAtMs < uint256(c.validFrom) * 1000 || detectedAtMs > uint256(c.validUntil) * 1000) revert OutsideCertificateWindow(pseudonym, detectedAtMs);
    }

    function _validAt(address pseudonym, uint64 time) private view returns (bool) {
        Certificate storage c = _certificates[pseudonym];
        return c.exists && !c.excluded && time >= c.validFrom && time <= c.validUntil;
    }

    // ---- Reports ----

    // The SDK's ReportCodec layout: version, motion, kind, confidence, reporter, detection ms, lat, lon, accuracy [, velocity, bearing].
    function _decode(bytes calldata b) private pure returns (Report memory r) {
        if (b.length != 42 && b.length != 46) revert InvalidFormat("report");
        if (uint8(b[0]) != 1) revert InvalidFormat("version");
        uint8 motion = uint8(b[1]);
        if (motion > 1) revert InvalidFormat("motion");
        if ((motion == 1) != (b.length == 46)) revert InvalidFormat("report");
        uint8 kind = uint8(b[2]);
        if (kind < 1 || kind > 7) revert InvalidFormat("kind");
        if (uint8(b[3]) > 100) revert InvalidFormat("confidencePercent");
        r.reporter = address(bytes20(b[4:24]));
        if (r.reporter == address(0)) revert InvalidFormat("reporter");
        r.detectedAt = uint64(bytes8(b[24:32]));
        if (r.detectedAt > 253_402_300_799_999) revert InvalidFormat("detectedAt");
        int32 lat = int32(uint32(bytes4(b[32:36])));
        int32 lon = int32(uint32(bytes4(b[36:40])));
        if (lat < -90_000_000 || lat > 90_000_000 || lon < -180_000_000 || lon > 180_000_000) revert InvalidFormat("position");
        uint16 accuracy = uint16(bytes2(b[40:42]));
        if (accuracy < 1 || accuracy > 1000) revert InvalidFormat("accuracyMetres");
        if (motion == 1) {
            r.dynamic = true;
            r.velocity = uint16(bytes2(b[42:44]));
            r.bearing = uint16(bytes2(b[44:46]));
            if (r.velocity > 10_000) revert InvalidFormat("velocityCentimetresPerSecond");
            if (r.bearing > 35_999) revert InvalidFormat("bearingCentidegrees");
        }
        r.sighting = V2VGeometry.Sighting(kind, lat, lon, r.detectedAt);
        r.digest = sha256(b);
    }

    function _checkContentId(string calldata contentId) private pure {
        bytes calldata text = bytes(contentId);
        if (text.length == 0 || text.length > MAX_CONTENT_ID) revert InvalidFormat("contentId");
        for (uint256 i = 0; i < text.length; i++) {
            if (uint8(text[i]) <= 0x20 || uint8(text[i]) >= 0x7f) revert InvalidFormat("contentId");
        }
    }

    // ---- Reads ----

    /// @notice An obstacle (id 0 when there is none).
    function obstacle(uint64 obstacleId) external view returns (Obstacle memory o) {
        if (obstacleId != 0 && obstacleId <= _obstacles.length) o = _obstacles[obstacleId - 1];
    }

    /// @notice A report's anchor (sequence 0 when it is not anchored).
    function report(bytes32 digest) external view returns (Anchor memory) {
        return _anchors[digest];
    }

    /// @notice An anchored batch (size 0 when there is none).
    function batch(bytes32 batchRoot) external view returns (Batch memory) {
        return _batches[batchRoot];
    }

    /// @notice The active obstacles in the cells around a position, by id.
    function obstaclesNear(int32 lat, int32 lon) external view returns (Obstacle[] memory result) {
        (int256 latCell, int256 lonCell) = V2VGeometry.cellOf(lat, lon, _settings.cellSize);
        uint64[] memory ids = new uint64[](0);
        uint256 count = 0;
        for (int256 dLat = -1; dLat <= 1; dLat++) {
            for (int256 dLon = -1; dLon <= 1; dLon++) {
                uint64[] storage cell = _activeInCell[V2VGeometry.cellKey(latCell + dLat, lonCell + dLon)];
                ids = _grow(ids, count + cell.length);
                for (uint256 i = 0; i < cell.length; i++) {
                    Obstacle storage o = _obstacles[cell[i] - 1];
                    if (!_lapsed(o) && !_contains(ids, count, o.id)) ids[count++] = o.id;
                }
            }
        }
        _sort(ids, count);
        result = new Obstacle[](count);
        for (uint256 i = 0; i < count; i++) {
            result[i] = _obstacles[ids[i] - 1];
        }
    }

    /// @notice The reports anchored in the area and block-time window, in ledger order (authorities only).
    function incident(Area calldata area) public view returns (Anchor[] memory) {
        if (!_authority[msg.sender]) revert Unauthorized(msg.sender);
        return _reportsInArea(area);
    }

    /// @notice The obstacles that reports in the area and window mapped or matched, by id (authorities only).
    function obstaclesInArea(Area calldata area) external view returns (Obstacle[] memory result) {
        Anchor[] memory anchors = incident(area);
        uint64[] memory ids = new uint64[](anchors.length);
        uint256 count = 0;
        for (uint256 i = 0; i < anchors.length; i++) {
            if (!_contains(ids, count, anchors[i].obstacleId)) ids[count++] = anchors[i].obstacleId;
        }
        _sort(ids, count);
        result = new Obstacle[](count);
        for (uint256 i = 0; i < count; i++) {
            result[i] = _obstacles[ids[i] - 1];
        }
    }

    /// @notice Every report of the given addresses, in ledger order (authorities only).
    function reportsBy(address[] calldata reporters) external view returns (Anchor[] memory result) {
        if (!_authority[msg.sender]) revert Unauthorized(msg.sender);
        if (reporters.length == 0 || reporters.length > MAX_REPORTERS) revert InvalidFormat("reporters");
        uint256 total = 0;
        for (uint256 i = 0; i < reporters.length; i++) {
            if (!_seenBefore(reporters, i)) total += _reportsOf[reporters[i]].length;
        }
        result = new Anchor[](total);
        uint256 count = 0;
        for (uint256 i = 0; i < reporters.length; i++) {
            if (_seenBefore(reporters, i)) continue;
            bytes32[] storage digests = _reportsOf[reporters[i]];
            for (uint256 j = 0; j < digests.length; j++) {
                result[count++] = _anchors[digests[j]];
            }
        }
        _sortBySequence(result, count);
    }

    function _seenBefore(address[] calldata list, uint256 i) private pure returns (bool) {
        for (uint256 j = 0; j < i; j++) {
            if (list[j] == list[i]) return true;
        }
        return false;
    }

    function _reportsInArea(Area calldata area) private view returns (Anchor[] memory result) {
        if (area.south > area.north || area.west > area.east || area.until < area.since) revert InvalidFormat("area");
        (int256 lowLat, int256 lowLon) = V2VGeometry.cellOf(area.south, area.west, _settings.cellSize);
        (int256 highLat, int256 highLon) = V2VGeometry.cellOf(area.north, area.east, _settings.cellSize);
        if (uint256(highLat - lowLat + 1) * uint256(highLon - lowLon + 1) > MAX_AREA_CELLS) revert InvalidFormat("area cells");
        uint256 total = 0;
        for (int256 la = lowLat; la <= highLat; la++) {
            for (int256 lo = lowLon; lo <= highLon; lo++) {
                total += _reportsInCell[V2VGeometry.cellKey(la, lo)].length;
            }
        }
        result = new Anchor[](total);
        uint256 count = 0;
        for (int256 la = lowLat; la <= highLat; la++) {
            for (int256 lo = lowLon; lo <= highLon; lo++) {
                bytes32[] storage digests = _reportsInCell[V2VGeometry.cellKey(la, lo)];
                for (uint256 i = 0; i < digests.length; i++) {
                    Anchor storage a = _anchors[digests[i]];
                    if (_inArea(a, area)) {
                        result[count++] = a;
                    }
                }
            }
        }
        _sortBySequence(result, count);
        assembly ("memory-safe") {
            mstore(result, count)
        }
    }

    function _inArea(Anchor storage a, Area calldata area) private view returns (bool) {
        return a.lat >= area.south && a.lat <= area.north && a.lon >= area.west && a.lon <= area.east && a.anchoredAt >= area.since && a.anchoredAt <= area.until;
    }

    function _sortBySequence(Anchor[] memory anchors, uint256 count) private pure {
        for (uint256 i = 1; i < count; i++) {
            Anchor memory v = anchors[i];
            uint256 j = i;
            while (j > 0 && anchors[j - 1].sequence > v.sequence) {
                anchors[j] = anchors[j - 1];
                j--;
            }
            anchors[j] = v;
        }
    }

    function _grow(uint64[] memory ids, uint256 size) private pure returns (uint64[] memory grown) {
        grown = new uint64[](size);
        for (uint256 i = 0; i < ids.length && i < size; i++) {
            grown[i] = ids[i];
        }
    }
}
