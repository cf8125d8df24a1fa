/** Short region labels as the dashboard shows them in region_name and feed titles ("Oregon", "UAE"). */
export const REGION_LABELS: Readonly<Record<string, string>> = {
  "us-east-1": "N. Virginia",
  "us-east-2": "Ohio",
  "us-west-1": "N. California",
  "us-west-2": "Oregon",
  "ca-central-1": "Canada",
  "ca-west-1": "Calgary",
  "sa-east-1": "Sao Paulo",
  "eu-west-1": "Ireland",
  "eu-west-2": "London",
  "eu-west-3": "Paris",
  "eu-central-1": "Frankfurt",
  "eu-central-2": "Zurich",
  "eu-north-1": "Stockholm",
  "eu-south-1": "Milan",
  "eu-south-2": "Spain",
  "me-central-1": "UAE",
  "me-south-1": "Bahrain",
  "il-central-1": "Tel Aviv",
  "af-south-1": "Cape Town",
  "ap-east-1": "Hong Kong",
  "ap-south-1": "Mumbai",
  "ap-south-2": "Hyderabad",
  "ap-northeast-1": "Tokyo",
  "ap-northeast-2": "Seoul",
  "ap-northeast-3": "Osaka",
  "ap-southeast-1": "Singapore",
  "ap-southeast-2": "Sydney",
  "ap-southeast-3": "Jakarta",
  "ap-southeast-4": "Melbourne",
  "us-gov-west-1": "GovCloud (US-West)",
  "us-gov-east-1": "GovCloud (US-East)",
  global: "Global",
};

export function labelRegion(region: string): string {
  return REGION_LABELS[region] ?? region;
}
