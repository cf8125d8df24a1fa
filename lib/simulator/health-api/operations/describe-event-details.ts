import { FAILED_SET_MESSAGES } from "@/lib/simulator/health-api/health-api-errors";
import { checkLocale, type OperationHandler } from "@/lib/simulator/health-api/health-operation-context";
import { describeEventDetailsInputSchema } from "@/lib/simulator/health-api/health-api-inputs";
import { accountView, findVisibleEvent } from "@/lib/simulator/health-api/operations/list-events";
import { parseHealthInput } from "@/lib/simulator/health-api/parse-health-input";
import { renderEventDetails, type WireObject } from "@/lib/simulator/health-api/render-health-shapes";

/** Up to 10 ARNs; one that the caller cannot see goes to failedSet (HTTP 200), never an error. */
export const describeEventDetails: OperationHandler = (raw, context) => {
  const input = parseHealthInput(describeEventDetailsInputSchema, raw, context.names.validation);
  checkLocale(input.locale, context);
  const successfulSet: WireObject[] = [];
  const failedSet: WireObject[] = [];
  for (const arn of new Set(input.eventArns)) {
    const event = findVisibleEvent(context, accountView(context), arn);
    if (event) successfulSet.push(renderEventDetails(event, context.render));
    else failedSet.push({ eventArn: arn, errorName: context.names.eventNotFound, errorMessage: FAILED_SET_MESSAGES.notFound });
  }
  return { successfulSet, failedSet };
};
