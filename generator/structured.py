"""schema.org JSON-LD for organisation and activity pages (search engines, assistants).

Plain dictionaries only; `markup.json_ld` turns them into a safe data block.
An activity is a `Service` provided by its `Organization`.
"""

from __future__ import annotations

from typing import Any

from . import present, urls
from .markup import summary
from .model import DAYS, Activity, Address, Location, Organisation, SignUp
from .site_config import SiteConfig

CONTEXT = "https://schema.org"


def organisation_data(config: SiteConfig, org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Organization",
        "@id": urls.absolute_url(config.basis_url, urls.organisation(org.slug)),
        "name": org.naam,
        "url": urls.absolute_url(config.basis_url, urls.organisation(org.slug)),
    }
    if org.beschrijving:
        data["description"] = summary(org.beschrijving, 300)
    if org.telefoon:
        data["telephone"] = org.telefoon
    if org.email:
        data["email"] = org.email
    if org.website:
        data["sameAs"] = org.website
    if not org.adres.is_empty():
        data["address"] = _postal_address(org.adres)
    if org.adres.coordinaten:
        data["geo"] = _geo(org.adres.coordinaten)
    return data


def _postal_address(address: Address | Location) -> dict[str, Any]:
    fields = {
        "@type": "PostalAddress",
        "streetAddress": address.straat,
        "postalCode": address.postcode,
        "addressLocality": address.plaats,
        "addressCountry": "NL",
    }
    return {k: v for k, v in fields.items() if v}


def _geo(coordinates: tuple[float, float]) -> dict[str, Any]:
    lat, lon = coordinates
    return {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}


def _place(location: Location) -> dict[str, Any]:
    """A place of `locaties` as a schema.org Place, with wheelchair access when known."""
    data: dict[str, Any] = {"@type": "Place"}
    if location.naam:
        data["name"] = location.naam
    if location.straat or location.postcode or location.plaats:
        data["address"] = _postal_address(location)
    if location.coordinaten:
        data["geo"] = _geo(location.coordinaten)
    if location.rolstoeltoegankelijk is not None:
        data["amenityFeature"] = {
            "@type": "LocationFeatureSpecification",
            "name": "Toegankelijk met een rolstoel",
            "value": location.rolstoeltoegankelijk,
        }
    return data


def activity_data(
    config: SiteConfig, activity: Activity, org: Organisation, kinds: list[str]
) -> dict[str, Any]:
    """The activity as a schema.org Service; `kinds` are the names of its soorten."""
    provider = organisation_data(config, org)
    del provider["@context"]
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Service",
        "name": activity.titel,
        "url": urls.absolute_url(config.basis_url, urls.activity(activity.slug)),
        "provider": provider,
        "areaServed": {"@type": "AdministrativeArea", "name": config.gemeente},
        "serviceType": present.toegang_label(activity.toegang),
    }
    if activity.beschrijving:
        data["description"] = summary(activity.beschrijving, 300)
    if kinds:
        data["category"] = kinds
    if activity.is_gratis:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    elif activity.kosten:
        data["offers"] = {"@type": "Offer", "description": activity.kosten}
    data["availableLanguage"] = list(activity.talen or ("nl",))
    hours = _opening_hours(activity)
    if hours:
        data["hoursAvailable"] = hours
    elif activity.wanneer:
        data["hoursAvailable"] = activity.wanneer
    channels = [
        {"@type": "ServiceChannel", "name": "Langskomen", "serviceLocation": _place(p)}
        for p in activity.places
    ]
    if activity.aanmelden:
        channels.append(_sign_up_channel(activity.aanmelden))
    if channels:
        data["availableChannel"] = channels[0] if len(channels) == 1 else channels
    return data


SCHEMA_DAYS = dict(
    zip(DAYS, "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(), strict=True)
)


def _opening_hours(activity: Activity) -> list[dict[str, Any]]:
    """The weekly `tijden` as schema.org OpeningHoursSpecification (monthly and
    fortnightly ones have no such form, so they are left out)."""
    specs = []
    for item in activity.tijden:
        if item.weken or item.om_de_week:
            continue
        spec: dict[str, Any] = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in item.dagen],
            "opens": f"{item.van:%H:%M}",
            "closes": f"{item.tot:%H:%M}",
        }
        if activity.periode and activity.periode.van:
            spec["validFrom"] = activity.periode.van.isoformat()
        if activity.periode and activity.periode.tot:
            spec["validThrough"] = activity.periode.tot.isoformat()
        specs.append(spec)
    return specs


def _sign_up_channel(sign_up: SignUp) -> dict[str, Any]:
    """`aanmelden` as a schema.org ServiceChannel."""
    channel: dict[str, Any] = {"@type": "ServiceChannel", "name": "Aanmelden"}
    if sign_up.uitleg:
        channel["description"] = sign_up.uitleg
    if sign_up.website:
        channel["serviceUrl"] = sign_up.website
    if sign_up.telefoon or sign_up.email:
        point = {"@type": "ContactPoint", "telephone": sign_up.telefoon, "email": sign_up.email}
        channel["servicePhone"] = {k: v for k, v in point.items() if v}
    return channel
