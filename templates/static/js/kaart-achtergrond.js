/* The opt-in background map of /kaart/ (only when site.yaml names a tile source).
 *
 * Nothing is loaded from another site until the visitor presses "Kaart laden". Then
 * Leaflet (and, for a PMTiles file, protomaps-leaflet) come from this site's own
 * static/vendor/, the tiles from the one origin the municipality chose, which the page's
 * Content-Security-Policy allows and nothing else. The places come from
 * open-data/locaties.geojson, the wijken from kaart/wijken.geojson (when there are any). */

const button = document.querySelector("[data-kaart-laden]");

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("kon " + src + " niet laden"));
    document.head.append(script);
  });
}

function loadStyle(href) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.append(link);
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(url + ": " + response.status);
  return response.json();
}

async function show() {
  const data = button.dataset;
  button.disabled = true;
  loadStyle(data.leafletCss);
  await loadScript(data.leaflet);
  if (data.pmtiles) await loadScript(data.protomaps);
  const L = window.L;
  const holder = document.querySelector("[data-kaart-achtergrond]");
  holder.hidden = false;
  const map = L.map(holder, { scrollWheelZoom: false });
  if (data.pmtiles) {
    window.protomapsL
      .leafletLayer({ url: data.pmtiles, flavor: "light", lang: "nl", attribution: data.bron })
      .addTo(map);
  } else {
    L.tileLayer(data.tegels, { attribution: data.bron, maxZoom: 19 }).addTo(map);
  }
  const layers = [];
  if (data.wijken) {
    layers.push(L.geoJSON(await getJson(data.wijken), { style: { weight: 2, fill: false } }));
  }
  const places = await getJson(data.punten);
  layers.push(
    L.geoJSON(places, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7 }),
      onEachFeature: (feature, layer) => {
        const link = document.createElement("a");
        link.href = "#" + feature.id;
        link.textContent = feature.properties.naam || feature.properties.adres;
        layer.bindPopup(link);
      },
    }),
  );
  const group = L.featureGroup(layers).addTo(map);
  map.fitBounds(group.getBounds(), { padding: [20, 20] });
  document.querySelector(".kaart-figuur").hidden = true;
  button.closest("[data-kaart-knop]").hidden = true;
}

if (button) {
  button.closest("[data-kaart-knop]").hidden = false;
  button.addEventListener("click", () => {
    show().catch((error) => {
      button.disabled = false;
      document.querySelector("[data-kaart-fout]").textContent =
        "De kaart kon niet laden. De lijst hieronder werkt wel. (" + error.message + ")";
    });
  });
}
