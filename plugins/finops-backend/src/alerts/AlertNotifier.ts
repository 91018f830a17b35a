import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { FinopsAlert } from '@tollgate/plugin-finops-common';

/** Tells people about new alerts: Backstage notifications, and a webhook where set. */
export class AlertNotifier {
  constructor(
    private readonly options: {
      notifications?: NotificationService;
      webhookUrl?: string;
      logger: LoggerService;
    },
  ) {}

  /**
   * Sends one alert to its recipients (entity refs of groups or users) and the webhook.
   * Delivery problems are logged: the alert itself is already stored.
   */
  async notify(alert: FinopsAlert, recipients: string[], link: string) {
    const { notifications, webhookUrl, logger } = this.options;
    if (notifications && recipients.length) {
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title: alert.title,
            description: alert.description,
            link,
            severity:
              alert.kind === 'actual' || alert.kind === 'spend-rate'
                ? 'high'
                : 'normal',
            topic: `tollgate-${alert.kind}`,
            scope: `tollgate-alert-${alert.id}`,
          },
        });
      } catch (error) {
        logger.warn(
          `Could not send notification for alert ${alert.id}: ${error}`,
        );
      }
    }
    if (webhookUrl) {
      try {
        const response = await fetch(webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            text: `${alert.title}: ${alert.description}`,
            alert: { ...alert, recipients, link },
          }),
        });
        if (!response.ok) {
          logger.warn(
            `Alert webhook answered ${response.status} for alert ${alert.id}`,
          );
        }
      } catch (error) {
        logger.warn(
          `Could not post alert ${alert.id} to the webhook: ${error}`,
        );
      }
    }
  }
}
