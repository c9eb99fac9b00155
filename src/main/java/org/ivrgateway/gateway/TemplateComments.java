package org.ivrgateway.gateway;

import java.util.Set;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPreProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IComment;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.preprocessor.IPreProcessor;
import org.thymeleaf.preprocessor.PreProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Drops the templates' own comments (and the blank text right after each) before a document is
 * rendered: they explain the template to its administrator and were about 40% of every answer's bytes
 * (docs/VXML.md, "Templates"). Thymeleaf's own parser finds them, so a {@code <!--} inside a CDATA
 * section or an attribute is left alone. Comments a template writes from the model with
 * {@code th:utext} (the -306 reason, the -305 incident id) are produced later, as text, and are kept.
 */
final class TemplateComments extends AbstractDialect implements IPreProcessorDialect {

    TemplateComments() {
        super("ivr-template-comments");
    }

    @Override
    public int getDialectPreProcessorPrecedence() {
        return 100;
    }

    @Override
    public Set<IPreProcessor> getPreProcessors() {
        return Set.of(new PreProcessor(TemplateMode.XML, Dropper.class, 100));
    }

    /** One instance per rendering (Thymeleaf creates it), so its one flag is not shared. */
    public static final class Dropper extends AbstractTemplateHandler {
        private boolean afterComment;

        @Override
        public void handleComment(IComment comment) {
            afterComment = true;
        }

        @Override
        public void handleText(IText text) {
            boolean blankAfterComment = afterComment && text.getText().isBlank();
            afterComment = false;
            if (!blankAfterComment) super.handleText(text);
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            afterComment = false;
            super.handleOpenElement(tag);
        }

        @Override
        public void handleStandaloneElement(IStandaloneElementTag tag) {
            afterComment = false;
            super.handleStandaloneElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            afterComment = false;
            super.handleCloseElement(tag);
        }
    }
}
