/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Prompt</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * One prompt: its text, its tokens as ids and strings (as the model's tokenizer produced them), labels as key/value pairs, the group used for grouped train/test splits and the optional contrast-pair id.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.Prompt#getKey <em>Key</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getText <em>Text</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getTokenIds <em>Token Ids</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getTokens <em>Tokens</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getLabels <em>Labels</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getGroupId <em>Group Id</em>}</li>
 *   <li>{@link io.mechanist.model.Prompt#getPairId <em>Pair Id</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getPrompt()
 * @model
 * @generated
 */
public interface Prompt extends EObject {
	/**
	 * Returns the value of the '<em><b>Key</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Key</em>' attribute.
	 * @see #setKey(String)
	 * @see io.mechanist.model.MechanistPackage#getPrompt_Key()
	 * @model
	 * @generated
	 */
	String getKey();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Prompt#getKey <em>Key</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Key</em>' attribute.
	 * @see #getKey()
	 * @generated
	 */
	void setKey(String value);

	/**
	 * Returns the value of the '<em><b>Text</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Text</em>' attribute.
	 * @see #setText(String)
	 * @see io.mechanist.model.MechanistPackage#getPrompt_Text()
	 * @model
	 * @generated
	 */
	String getText();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Prompt#getText <em>Text</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Text</em>' attribute.
	 * @see #getText()
	 * @generated
	 */
	void setText(String value);

	/**
	 * Returns the value of the '<em><b>Token Ids</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Token Ids</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getPrompt_TokenIds()
	 * @model unique="false"
	 * @generated
	 */
	EList<Integer> getTokenIds();

	/**
	 * Returns the value of the '<em><b>Tokens</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.String}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tokens</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getPrompt_Tokens()
	 * @model unique="false"
	 * @generated
	 */
	EList<String> getTokens();

	/**
	 * Returns the value of the '<em><b>Labels</b></em>' map.
	 * The key is of type {@link java.lang.String},
	 * and the value is of type {@link java.lang.String},
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Labels</em>' map.
	 * @see io.mechanist.model.MechanistPackage#getPrompt_Labels()
	 * @model mapType="io.mechanist.model.StringEntry&lt;org.eclipse.emf.ecore.EString, org.eclipse.emf.ecore.EString&gt;"
	 * @generated
	 */
	EMap<String, String> getLabels();

	/**
	 * Returns the value of the '<em><b>Group Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Group Id</em>' attribute.
	 * @see #setGroupId(String)
	 * @see io.mechanist.model.MechanistPackage#getPrompt_GroupId()
	 * @model
	 * @generated
	 */
	String getGroupId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Prompt#getGroupId <em>Group Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Group Id</em>' attribute.
	 * @see #getGroupId()
	 * @generated
	 */
	void setGroupId(String value);

	/**
	 * Returns the value of the '<em><b>Pair Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Pair Id</em>' attribute.
	 * @see #setPairId(String)
	 * @see io.mechanist.model.MechanistPackage#getPrompt_PairId()
	 * @model
	 * @generated
	 */
	String getPairId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Prompt#getPairId <em>Pair Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Pair Id</em>' attribute.
	 * @see #getPairId()
	 * @generated
	 */
	void setPairId(String value);

} // Prompt
