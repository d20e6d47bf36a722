"""The hromada nearest to a point, by the great-circle distance to its centre."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.facts.records import Hromada

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Nearest:
    """A hromada and how far its centre is from the point, in kilometres."""

    hromada: Hromada
    distance_km: float


def distance_km(
    latitude: float, longitude: float, other_latitude: float, other_longitude: float
) -> float:
    """The great-circle (haversine) distance between two points in degrees, in kilometres."""
    phi1, phi2 = math.radians(latitude), math.radians(other_latitude)
    d_phi = phi2 - phi1
    d_lambda = math.radians(other_longitude - longitude)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def nearest_hromada(
    hromadas: Iterable[Hromada], latitude: float, longitude: float
) -> Nearest | None:
    """The hromada whose centre (its coordinates in the codifier data) is closest to the point;
    None when no hromada has coordinates."""
    best: Nearest | None = None
    for hromada in hromadas:
        if hromada.latitude is None or hromada.longitude is None:
            continue
        distance = distance_km(latitude, longitude, hromada.latitude, hromada.longitude)
        if best is None or distance < best.distance_km:
            best = Nearest(hromada, distance)
    return best
