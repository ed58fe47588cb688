import { CliError, type Command } from '../command';

export const command: Command = () => {
  throw new CliError('the "foods" command is not available in this build');
};
