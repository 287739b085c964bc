// The console's "share location" presets, so a tester checks in without a phone: for each site,
// a fix at the site, one 250 m north of it (outside a 100 m fence), and a spoofed sequence (a
// fix at the site with an exact 0 m accuracy, then one at the farthest other site a minute
// later: impossible travel). Coordinates stay in the site's own datum, as a map would send them.
export interface PresetSite {
  code: string;
  name: string;
  lat: number;
  lng: number;
  datum: 'WGS84' | 'GCJ02' | 'BD09';
}

export interface LocationFix {
  lat: number;
  lng: number;
  accuracyM: number;
  datum: PresetSite['datum'];
  label: string;
}

export interface LocationPreset {
  id: string;
  site: string;
  kind: 'at' | 'away' | 'spoof';
  /** Sent in order, one location message each. */
  fixes: LocationFix[];
}

const METERS_PER_DEGREE_LAT = 111_320;

export function locationPresets(sites: readonly PresetSite[]): LocationPreset[] {
  const out: LocationPreset[] = [];
  for (const s of sites) {
    const far = farthest(s, sites);
    out.push({ id: `${s.code}:at`, site: s.name, kind: 'at', fixes: [fix(s, 0, 12, s.name)] });
    out.push({ id: `${s.code}:away`, site: s.name, kind: 'away', fixes: [fix(s, 250, 15, `${s.name} +250 m`)] });
    out.push({
      id: `${s.code}:spoof`,
      site: s.name,
      kind: 'spoof',
      fixes: [
        { lat: s.lat, lng: s.lng, accuracyM: 0, datum: s.datum, label: s.name },
        ...(far ? [{ lat: far.lat, lng: far.lng, accuracyM: 0, datum: far.datum, label: far.name }] : []),
      ],
    });
  }
  return out;
}

function fix(s: PresetSite, northM: number, accuracyM: number, label: string): LocationFix {
  return { lat: s.lat + northM / METERS_PER_DEGREE_LAT, lng: s.lng, accuracyM, datum: s.datum, label };
}

function farthest(s: PresetSite, sites: readonly PresetSite[]): PresetSite | undefined {
  let best: PresetSite | undefined;
  let bestD = -1;
  for (const o of sites) {
    const d = (o.lat - s.lat) ** 2 + ((o.lng - s.lng) * Math.cos((s.lat * Math.PI) / 180)) ** 2;
    if (d > bestD) {
      bestD = d;
      best = o;
    }
  }
  return best && best.code !== s.code ? best : undefined;
}
