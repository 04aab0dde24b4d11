namespace ValueChain.V2V.Interop;

/// <summary>The CDD <c>CartesianPosition3dWithConfidence</c>: x east, y north, z up of the reference position.</summary>
/// <param name="XCoordinate">The east offset.</param>
/// <param name="YCoordinate">The north offset.</param>
/// <param name="ZCoordinate">The vertical offset (reports carry none).</param>
public sealed record CartesianPosition3dWithConfidence(
    CartesianCoordinateWithConfidence XCoordinate,
    CartesianCoordinateWithConfidence YCoordinate,
    CartesianCoordinateWithConfidence? ZCoordinate = null);
