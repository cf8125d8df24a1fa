import type { Scenario } from "@/lib/simulator/scenario-schema";

/** An EC2 incident in us-east-1 that escalates to a multi-service event, then resolves and leaves the feed. */
export const INCIDENT_SCENARIO: Scenario = {
  name: "it-incident",
  steps: [
    {
      label: "EC2 impact",
      actions: [
        {
          type: "open-event",
          id: "ec2",
          key: "ec2-us-east-1",
          region: "us-east-1",
          typeCode: "AWS_EC2_OPERATIONAL_ISSUE",
          summary: "Increased API Error Rates",
          level: 1,
          message: "We are investigating increased API error rates. <script>alert(1)</script> & <b>bold</b>",
        },
      ],
    },
    {
      label: "escalates",
      actions: [
        {
          type: "update-event",
          id: "ec2",
          level: 3,
          message: "Instances in a single Availability Zone are impaired.",
        },
        {
          type: "open-event",
          id: "multi",
          key: "multipleservices-us-west-2",
          region: "us-west-2",
          typeCode: "AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE",
          summary: "Increased Error Rates",
          level: 2,
          message: "Multiple services are seeing errors in US-WEST-2.",
          impacted: [
            { key: "lambda-us-west-2", level: 2 },
            { key: "dynamodb-us-west-2", level: 3 },
          ],
        },
      ],
    },
    {
      label: "dynamodb recovers",
      actions: [
        {
          type: "update-event",
          id: "multi",
          message: "DynamoDB has recovered; Lambda errors continue.",
          impacted: [{ key: "dynamodb-us-west-2", level: 0 }],
        },
      ],
    },
    {
      label: "all resolve",
      actions: [
        { type: "resolve-event", id: "ec2", message: "The issue has been resolved and the service is operating normally." },
        { type: "resolve-event", id: "multi", message: "All services are operating normally." },
      ],
    },
    { label: "expire", actions: [{ type: "expire-event", id: "ec2" }, { type: "expire-event", id: "multi" }] },
  ],
};
