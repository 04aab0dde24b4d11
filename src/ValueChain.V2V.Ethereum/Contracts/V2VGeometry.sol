// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title V2VGeometry
/// @notice The matching rule's integer geometry, the twin of the SDK's FixedPointTrig and ObstacleMatching: the same
/// sine table (round(sin(d°)·10 000) for d = 0 … 90, checked against the C# table by a test), the same linear
/// interpolation, the same equirectangular millimetres and the same truncating divisions, so both compute the same
/// integers.
library V2VGeometry {
    int256 internal constant SCALE = 10_000;
    int256 internal constant MM_PER_MICRODEGREE_X1000 = 111_195;
    int256 internal constant MAX_SPAN = 1_000_000;
    int256 internal constant MAX_PREDICTION_MS = 3_600_000;

    /// @dev The SDK's FixedPointTrig.SineTable, two bytes per degree, big-endian.
    bytes internal constant SINE_TABLE = hex"000000af015d020b02ba0368041504c30570061c06c80774081f08ca09730a1c0ac40b6c0c120cb80d5c0e000ea20f430fe31082112011bc125712f01388141e14b3154615d8166816f61782180d1895191c19a11a231aa41b231b9f1c191c921d071d7b1dec1e5b1ec81f321f9a2000206220c32120217c21d4222a227d22ce231c236723af23f52438247824b524ef2527255b258d25bb25e72610263526582678269526af26c526d926ea26f82702270a270e2710";

    function sin(int256 centidegrees) internal pure returns (int256) {
        int256 a = ((centidegrees % 36_000) + 36_000) % 36_000;
        if (a <= 9_000) return quadrant(a);
        if (a <= 18_000) return quadrant(18_000 - a);
        if (a <= 27_000) return -quadrant(a - 18_000);
        return -quadrant(36_000 - a);
    }

    function cos(int256 centidegrees) internal pure returns (int256) {
        return sin(centidegrees + 9_000);
    }

    function quadrant(int256 a) private pure returns (int256) {
        int256 degree = a / 100;
        int256 fraction = a % 100;
        int256 low = entry(uint256(degree));
        return fraction == 0 ? low : low + ((entry(uint256(degree) + 1) - low) * fraction / 100);
    }

    function entry(uint256 degree) private pure returns (int256) {
        bytes memory table = SINE_TABLE;
        return int256(uint256(uint8(table[2 * degree])) << 8 | uint256(uint8(table[2 * degree + 1])));
    }

    /// @notice The obstacle as the matching sees it.
    struct Candidate {
        uint64 id;
        uint8 kind;
        int32 lat;
        int32 lon;
        bool dynamic;
        uint16 velocity;
        uint16 bearing;
        uint64 referenceAt;
        uint64 lastDetectedAt;
    }

    /// @notice The report as the matching sees it.
    struct Sighting {
        uint8 kind;
        int32 lat;
        int32 lon;
        uint64 detectedAt;
    }

    /// @notice The squared distance in mm² of the sighting from the candidate's (predicted) position, or -1 when they cannot match.
    function squaredDistance(Sighting memory s, Candidate memory c, int256 windowMs) internal pure returns (int256) {
        int256 detected = int256(uint256(s.detectedAt));
        if (c.kind != s.kind || abs(detected - int256(uint256(c.lastDetectedAt))) > windowMs) return -1;
        int256 dLat = int256(s.lat) - int256(c.lat);
        int256 dLon = int256(s.lon) - int256(c.lon);
        if (dLon > 180_000_000) dLon -= 360_000_000;
        else if (dLon < -180_000_000) dLon += 360_000_000;
        if (abs(dLat) > MAX_SPAN || abs(dLon) > MAX_SPAN) return -1;
        int256 north = dLat * MM_PER_MICRODEGREE_X1000 / 1000;
        int256 east = dLon * MM_PER_MICRODEGREE_X1000 * cos(int256(c.lat) / 10_000) / 10_000_000;
        if (c.dynamic) {
            int256 elapsed = detected - int256(uint256(c.referenceAt));
            if (abs(elapsed) > MAX_PREDICTION_MS) return -1;
            int256 travelled = int256(uint256(c.velocity)) * elapsed / 100;
            north -= travelled * cos(int256(uint256(c.bearing))) / SCALE;
            east -= travelled * sin(int256(uint256(c.bearing))) / SCALE;
        }
        return north * north + east * east;
    }

    /// @notice The id of the nearest candidate within the radius (ties: the lowest id), or 0.
    function matchOf(Sighting memory s, Candidate[] memory candidates, uint256 count, int256 radiusMm, int256 windowMs) internal pure returns (uint64 best) {
        int256 limit = radiusMm * radiusMm;
        int256 bestDistance = type(int256).max;
        for (uint256 i = 0; i < count; i++) {
            int256 d = squaredDistance(s, candidates[i], windowMs);
            if (d < 0 || d > limit) continue;
            if (d < bestDistance || (d == bestDistance && candidates[i].id < best)) {
                best = candidates[i].id;
                bestDistance = d;
            }
        }
    }

    /// @notice The grid cell of a position: coordinates divided by the cell size, rounded towards minus infinity.
    function cellOf(int32 lat, int32 lon, int256 size) internal pure returns (int256, int256) {
        return (floorDiv(int256(lat), size), floorDiv(int256(lon), size));
    }

    function cellKey(int256 latCell, int256 lonCell) internal pure returns (bytes32) {
        return keccak256(abi.encode(latCell, lonCell));
    }

    function floorDiv(int256 value, int256 size) private pure returns (int256) {
        int256 q = value / size;
        return (value % size < 0) ? q - 1 : q;
    }

    function abs(int256 x) private pure returns (int256) {
        return x < 0 ? -x : x;
    }
}
