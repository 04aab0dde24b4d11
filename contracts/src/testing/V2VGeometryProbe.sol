// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {V2VGeometry} from "../../../src/ValueChain.V2V.Ethereum/Contracts/V2VGeometry.sol";

/// @title V2VGeometryProbe
/// @notice Exposes the obstacle map's integer geometry for the differential test against the C# ObstacleMatching.
contract V2VGeometryProbe {
    /// @notice V2VGeometry.squaredDistance, -1 when the two cannot match.
    function squaredDistance(V2VGeometry.Sighting memory s, V2VGeometry.Candidate memory c, int256 windowMs) external pure returns (int256) {
        return V2VGeometry.squaredDistance(s, c, windowMs);
    }

    /// @notice V2VGeometry.sin of an angle in 0.01 degree.
    function sin(int256 centidegrees) external pure returns (int256) {
        return V2VGeometry.sin(centidegrees);
    }
}
